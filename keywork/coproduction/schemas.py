import datetime
from typing import Annotated

from pydantic import Field

from keywork.coproduction.choices import EngagementKind
from keywork.coproduction.rules import LARGEST_ATTENDANCE
from keywork.schemas import LARGEST_ID, Schema

Count = Field(0, ge=0, le=LARGEST_ATTENDANCE)
RecordId = Annotated[int, Field(ge=1, le=LARGEST_ID)]


class EngagementIn(Schema):
    kind: EngagementKind
    title: str
    held_on: datetime.date
    parents_carers: int = Count
    young_people: int = Count
    professionals: int = Count
    what_we_heard: str
    what_changed: str = ""
    milestone_ids: list[RecordId] = Field(default_factory=list, max_length=100)
    risk_ids: list[RecordId] = Field(default_factory=list, max_length=100)


class EngagementOut(Schema):
    id: int
    kind: str
    title: str
    held_on: datetime.date
    # Who took part: numbers, or "*" where a small number is hidden (the answer's suppression_rule says why).
    parents_carers: int | str
    young_people: int | str
    professionals: int | str
    what_we_heard: str
    what_changed: str
    milestone_ids: list[int]
    risk_ids: list[int]
    response_overdue: bool
    suppression_rule: str | None = Field(None, description="The rule that hid small numbers, if any were hidden")
