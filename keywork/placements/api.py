"""Where a person lives over the API, at /api/people/{id}/placements and /breakdowns: the same
permissions, rules (full_clean: errors name the field, nothing saved), locking and audit as the pages."""

from django.http import Http404
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_versioned
from keywork.locking import StaleRecordOut
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.placements.schemas import (
    BreakdownChange,
    BreakdownIn,
    BreakdownOut,
    PlacementChange,
    PlacementIn,
    PlacementOut,
)
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.schemas import Page

router = Router(tags=["Living situation and placements"])


def _saved(request, record, fields: dict, version: int = 0):
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean(exclude=["recorded_by", "person"])
    return save_versioned(audit.Actor.from_request(request), record, version)


def _of_person(request, model, pk: int, person_id: int):
    """The person's record, reached through access; a record of someone else is not found."""
    record = record_for_request(request, model, pk)
    if record.person_id != person_id:
        raise Http404
    return record


@router.get("/{int:person_id}/placements", response=list[PlacementOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_placements(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    return listed(request, page.of(scoped(request, Placement, person.pk)), what="placements")


@router.post("/{int:person_id}/placements", response={201: PlacementOut})
@permission_required(Permission.EDIT_PERSON)
def add_placement(request, person_id: int, payload: PlacementIn):
    person = person_for_request(request, person_id)
    return Status(201, _saved(request, Placement(person=person), payload.dict()))


@router.put("/{int:person_id}/placements/{int:placement_id}", response={200: PlacementOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def change_placement(request, person_id: int, placement_id: int, payload: PlacementChange):
    placement = _of_person(request, Placement, placement_id, person_id)
    return _saved(request, placement, payload.dict(exclude={"version"}), payload.version)


@router.get("/{int:person_id}/placement-breakdowns", response=list[BreakdownOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_breakdowns(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    return listed(request, page.of(scoped(request, PlacementBreakdown, person.pk)), what="placement breakdowns")


@router.post("/{int:person_id}/placement-breakdowns", response={201: BreakdownOut})
@permission_required(Permission.EDIT_PERSON)
def add_breakdown(request, person_id: int, payload: BreakdownIn):
    person = person_for_request(request, person_id)
    return Status(201, _saved(request, PlacementBreakdown(person=person), payload.dict()))


@router.put(
    "/{int:person_id}/placement-breakdowns/{int:breakdown_id}", response={200: BreakdownOut, 409: StaleRecordOut}
)
@permission_required(Permission.EDIT_PERSON)
def change_breakdown(request, person_id: int, breakdown_id: int, payload: BreakdownChange):
    breakdown = _of_person(request, PlacementBreakdown, breakdown_id, person_id)
    return _saved(request, breakdown, payload.dict(exclude={"version"}), payload.version)
