import datetime

from django.utils import timezone
from pydantic import Field

from keywork.education.choices import Area, EhcpStatus, EventKind, SettingType
from keywork.locking import VersionRead
from keywork.schemas import Schema


class EducationSettingIn(Schema):
    setting_type: SettingType
    name: str = Field("", max_length=200)
    area: Area
    distance_miles: int | None = Field(None, ge=0, le=1000)
    starts_on: datetime.date
    ends_on: datetime.date | None = None


class EducationSettingChange(EducationSettingIn):
    version: VersionRead


class EducationSettingOut(EducationSettingIn):
    id: int
    person_id: int
    version: int


class EhcpIn(Schema):
    status: EhcpStatus
    issued_on: datetime.date | None = None
    local_authority: str = Field("", max_length=100)
    next_annual_review_due: datetime.date | None = Field(
        None, description="Left empty with a date issued, it is 12 months after that date"
    )
    version: VersionRead = 0


class EhcpOut(EhcpIn):
    person_id: int
    annual_review_overdue: bool

    @staticmethod
    def resolve_annual_review_overdue(ehcp) -> bool:
        return ehcp.annual_review_overdue(timezone.localdate())


class EducationEventIn(Schema):
    kind: EventKind
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    notes: str = ""


class EducationEventChange(EducationEventIn):
    version: VersionRead


class EducationEventOut(EducationEventIn):
    id: int
    person_id: int
    version: int
