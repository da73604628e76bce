import datetime

from pydantic import Field

from keywork.locking import VersionRead
from keywork.placements.choices import Area, LivingSituation
from keywork.schemas import Schema


class PlacementIn(Schema):
    kind: LivingSituation
    area: Area
    starts_on: datetime.date
    ends_on: datetime.date | None = None


class PlacementChange(PlacementIn):
    version: VersionRead


class PlacementOut(PlacementIn):
    id: int
    person_id: int
    version: int


class BreakdownIn(Schema):
    occurred_on: datetime.date
    what_happened: str = Field(..., min_length=1)


class BreakdownChange(BreakdownIn):
    version: VersionRead


class BreakdownOut(BreakdownIn):
    id: int
    person_id: int
    version: int
