"""Keyworking API shapes. Types are checked here; the domain rules run on the models."""

import datetime

from pydantic import ConfigDict

from keywork.keyworking.choices import (
    AgencyType,
    ClosingReason,
    ContactType,
    EscalationLevel,
    ReferralDecision,
    ReferralRoute,
)
from keywork.locking import VersionRead
from keywork.schemas import Schema


class ReferralIn(Schema):
    person_id: int
    route: ReferralRoute
    received_on: datetime.date
    referrer_name: str
    referrer_organisation: str
    reason: str


class DecisionIn(Schema):
    version: VersionRead
    decision: ReferralDecision
    decided_on: datetime.date
    decision_reason: str = ""


class ClosureIn(Schema):
    version: VersionRead
    closed_on: datetime.date
    closing_reason: ClosingReason
    closing_notes: str = ""


class ReferralOut(ReferralIn, DecisionIn):
    id: int
    version: int
    decided_on: datetime.date | None
    closed_on: datetime.date | None
    closing_reason: str
    days_to_decision: int | None


class AllocationIn(Schema):
    person_id: int
    worker_id: int
    starts_on: datetime.date
    reason: str
    # Needed only when the worker's registration, DBS check or mandatory training has lapsed.
    assurance_override_reason: str = ""
    # A complex case adds the service's complexity uplift to the worker's weighted caseload.
    is_complex: bool = False


class AllocationEndIn(Schema):
    ends_on: datetime.date
    end_reason: str


class AllocationOut(AllocationIn):
    id: int
    worker_type: str
    ends_on: datetime.date | None
    end_reason: str


class ProfessionalIn(Schema):
    name: str
    role: str
    organisation: str
    agency_type: AgencyType
    phone: str = ""
    email: str = ""


class ProfessionalOut(ProfessionalIn):
    id: int


class InvolvementIn(Schema):
    person_id: int
    professional_id: int
    role_for_person: str
    is_lead: bool = False


class InvolvementOut(InvolvementIn):
    id: int
    ended_on: datetime.date | None


class FollowUpIn(Schema):
    description: str
    due_on: datetime.date
    owner_id: int | None = None
    owner_name: str = ""


class FollowUpOut(FollowUpIn):
    id: int
    done_on: datetime.date | None


class ContactIn(Schema):
    person_id: int
    occurred_at: datetime.datetime
    contact_type: ContactType
    duration_minutes: int
    worker_ids: list[int] = []
    professional_ids: list[int] = []
    family_present: str = ""
    notes: str
    restricted: bool = False
    follow_ups: list[FollowUpIn] = []


class ContactOut(Schema):
    id: int
    person_id: int
    occurred_at: datetime.datetime
    contact_type: str
    duration_minutes: int
    family_present: str
    notes: str
    restricted: bool
    follow_ups: list[FollowUpOut]


class PlanText(Schema):
    what_helps: str
    triggers: str
    early_warning_signs: str
    who_to_call: str
    agreed_responses: str


class PlanIn(PlanText):
    """A new version of the plan; `based_on_version` is the version read (0 for the first plan)."""

    person_id: int
    based_on_version: int


class PlanOut(PlanText):
    id: int
    person_id: int
    version: int
    saved_at: datetime.datetime


class EscalationIn(Schema):
    person_id: int
    issue: str
    escalated_to: str
    level: EscalationLevel
    escalated_on: datetime.date
    response_due_on: datetime.date


class EscalationUpdate(Schema):
    # Every field is optional, so refuse anything else (a misspelt field, or a body that is not an object).
    model_config = ConfigDict(extra="forbid")

    version: VersionRead
    response: str | None = None
    responded_on: datetime.date | None = None
    resolved_on: datetime.date | None = None


class EscalationOut(EscalationIn):
    id: int
    version: int
    response: str
    responded_on: datetime.date | None
    resolved_on: datetime.date | None
    is_overdue: bool
