import datetime

from pydantic import Field

from keywork.locking import VersionRead
from keywork.reviews.choices import ActionStatus, OwnerKind, ReviewKind
from keywork.schemas import Schema


class ReviewIn(Schema):
    person_id: int
    kind: ReviewKind
    requested_on: datetime.date
    scheduled_on: datetime.date | None = None
    held_on: datetime.date | None = None
    chair: str = ""
    clinical_expert: str = ""
    expert_by_experience: str = ""
    other_attendees: str = ""
    outcome_summary: str = ""


class ReviewOut(ReviewIn):
    id: int
    includes_education: bool
    has_report: bool

    @staticmethod
    def resolve_has_report(review) -> bool:
        return bool(review.report)


class LaepIn(Schema):
    """A Local Area Emergency Protocol meeting: held when admission cannot wait for a community C(E)TR."""

    person_id: int
    held_on: datetime.date
    who_attended: str = Field(min_length=1)
    outcome: str = Field(min_length=1)


class ActionIn(Schema):
    recommendation: str
    due_on: datetime.date
    # One owner: a member of staff, a professional or an organisation.
    owner_staff_id: int | None = None
    owner_professional_id: int | None = None
    owner_organisation: str = ""


class ActionUpdate(Schema):
    version: VersionRead
    status: ActionStatus
    evidence: str = ""
    completed_on: datetime.date | None = None
    dropped_reason: str = ""


class ActionSource(Schema):
    """The record that raised the action. `kind` is its model, for example "reviews.review"."""

    kind: str
    id: int
    label: str


class ActionOut(ActionIn):
    id: int
    version: int
    person_id: int
    source: ActionSource
    owner_kind: OwnerKind
    owner: str
    status: str
    evidence: str
    completed_on: datetime.date | None
    dropped_reason: str
    is_overdue: bool

    @staticmethod
    def resolve_source(action) -> dict:
        return {"kind": action.source_kind, "id": action.source_id, "label": action.source_label}

    @staticmethod
    def resolve_owner(action) -> str:
        return action.owner_display
