"""Safeguarding API routes under /api/people/{person_id}/safeguarding: the same permissions, rules,
operations and audit as the pages. Concerns are read, and changed, only by those who may read the
person's restricted notes; to anyone else they are not there (404)."""

from django.http import Http404
from ninja import Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, may_read_restricted_notes, permission_required
from keywork.locking import StaleRecordOut
from keywork.register.access import person_for_request, record_for_request
from keywork.safeguarding import operations
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.safeguarding.person_page import concerns_for
from keywork.safeguarding.schemas import (
    ConcernIn,
    ConcernOut,
    OutcomeIn,
    SafeguardingOut,
    StatusIn,
    StatusOut,
    StatusUpdate,
)

router = Router(tags=["Safeguarding"])
TEXT_FIELDS = ("outcome", "follow_up")


def _actor(request):
    return audit.Actor.from_request(request)


def _of_person(request, model, pk: int, person_id: int):
    """The record, if it is about this person and the request may reach it (else 404)."""
    record = record_for_request(request, model, pk)
    if record.person_id != person_id:
        raise Http404("Not about this person")
    return record


@router.get("/{int:person_id}/safeguarding", response=SafeguardingOut)
@permission_required(Permission.VIEW_PEOPLE)
def safeguarding(request, person_id: int):
    person = person_for_request(request, person_id)
    return {
        "statuses": list(person.safeguarding_statuses.all()),
        "concerns": concerns_for(request, person),
        "concerns_hidden": not may_read_restricted_notes(request.user, person),
    }


@router.post("/{int:person_id}/safeguarding/statuses", response={201: StatusOut})
@permission_required(Permission.EDIT_PERSON)
def add_status(request, person_id: int, payload: StatusIn):
    person = person_for_request(request, person_id)
    status = SafeguardingStatus(person=person, **payload.dict(exclude={"legal_basis"}))
    status.legal_basis = payload.legal_basis or ""
    status.full_clean(exclude=["recorded_by"])
    return Status(201, operations.record_status(_actor(request), status))


@router.put("/{int:person_id}/safeguarding/statuses/{int:status_id}", response={200: StatusOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def update_status(request, person_id: int, status_id: int, payload: StatusUpdate):
    status = _of_person(request, SafeguardingStatus, status_id, person_id)
    for name, value in payload.dict(exclude={"version", "legal_basis"}).items():
        setattr(status, name, value)
    status.legal_basis = payload.legal_basis or ""
    status.full_clean()
    return operations.update_status(_actor(request), status, payload.version)


@router.post("/{int:person_id}/safeguarding/concerns", response={201: ConcernOut})
@permission_required(Permission.RAISE_SAFEGUARDING_CONCERN)
def raise_concern(request, person_id: int, payload: ConcernIn):
    person = person_for_request(request, person_id)
    concern = SafeguardingConcern(person=person, **payload.dict())
    concern.full_clean(exclude=["raised_by"])
    return Status(201, operations.raise_concern(_actor(request), concern))


@router.post(
    "/{int:person_id}/safeguarding/concerns/{int:concern_id}/outcome", response={200: ConcernOut, 409: StaleRecordOut}
)
@permission_required(Permission.RECORD_CONTACT)
def record_outcome(request, person_id: int, concern_id: int, payload: OutcomeIn):
    concern = _of_person(request, SafeguardingConcern, concern_id, person_id)
    if not may_read_restricted_notes(request.user, concern.person):
        raise Http404("Concern not found")
    for name, value in payload.dict(exclude_unset=True, exclude={"version"}).items():
        setattr(concern, name, "" if value is None and name in TEXT_FIELDS else value)
    concern.full_clean()
    return operations.record_outcome(_actor(request), concern, payload.version)
