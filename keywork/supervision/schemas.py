import datetime

from ninja import Schema

from keywork.supervision.models import Supervision


class SupervisionIn(Schema):
    supervisee_id: int
    supervisor_id: int
    kind: Supervision.Kind
    held_on: datetime.date
    notes: str = ""
    next_due_on: datetime.date


class SupervisionOut(Schema):
    id: int
    supervisee_id: int
    supervisor_id: int | None
    kind: str
    held_on: datetime.date
    # Null where the caller may not read it: the notes are the pair's and managers'.
    notes: str | None
    next_due_on: datetime.date
