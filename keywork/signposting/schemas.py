import datetime

from pydantic import Field

from keywork.locking import VersionRead
from keywork.schemas import Schema
from keywork.signposting.choices import ConnectionKind, Outcome


class SignpostingIn(Schema):
    signposted_on: datetime.date
    organisation: str = Field(max_length=200)
    kind: ConnectionKind
    outcome: Outcome = Outcome.WAITING
    outcome_on: datetime.date | None = None
    notes: str = ""


class SignpostingChange(SignpostingIn):
    version: VersionRead


class SignpostingOut(SignpostingIn):
    id: int
    person_id: int
    version: int
    recorded_as: str
    needs_follow_up: bool


class ActivityTable(Schema):
    """A table by outcome: counts, or "*" where a small number is hidden."""

    cells: dict[str, dict[str, int | str]]
    row_totals: dict[str, int | str]
    column_totals: dict[str, int | str]
    total: int | str


class ActivityOut(Schema):
    start: datetime.date
    end: datetime.date
    people: int | str
    by_worker_type: ActivityTable
    by_provider: ActivityTable
    suppression_rule: str | None = Field(None, description="The rule that hid small numbers, if counts are published")
