import datetime

from pydantic import ConfigDict

from keywork.locking import VersionRead
from keywork.safeguarding.choices import ConcernCategory, LegalBasis, ReferredTo, StatusKind
from keywork.schemas import Schema


class StatusIn(Schema):
    kind: StatusKind
    legal_basis: LegalBasis | None = None
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    local_authority: str
    social_worker: str = ""
    social_worker_contact: str = ""


class StatusUpdate(StatusIn):
    version: VersionRead


class StatusOut(Schema):
    id: int
    version: int
    person_id: int
    kind: str
    legal_basis: str
    starts_on: datetime.date
    ends_on: datetime.date | None
    local_authority: str
    social_worker: str
    social_worker_contact: str
    is_current: bool


class ConcernIn(Schema):
    raised_on: datetime.date
    category: ConcernCategory
    what_happened: str
    referred_to: ReferredTo
    not_referred_reason: str = ""


class OutcomeIn(Schema):
    # Every field is optional, so refuse anything else (a misspelt field, or a body that is not an object).
    model_config = ConfigDict(extra="forbid")

    version: VersionRead
    outcome: str | None = None
    outcome_on: datetime.date | None = None
    follow_up: str | None = None
    follow_up_due_on: datetime.date | None = None
    follow_up_done_on: datetime.date | None = None


class ConcernOut(ConcernIn):
    id: int
    version: int
    person_id: int
    raised_by: str
    outcome: str
    outcome_on: datetime.date | None
    follow_up: str
    follow_up_due_on: datetime.date | None
    follow_up_done_on: datetime.date | None
    is_open: bool

    @staticmethod
    def resolve_raised_by(concern) -> str:
        return concern.raised_by.display_name


class SafeguardingOut(Schema):
    statuses: list[StatusOut]
    concerns: list[ConcernOut]
    concerns_hidden: bool
