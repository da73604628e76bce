"""Signposting over the API: a person's, at /api/people/{id}/signposting (the same permissions,
rules — full_clean: errors name the field, nothing saved — locking and audit as the pages), and the
activity report at /api/programme/signposting-activity (counts as audience_for allows)."""

import datetime

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_versioned
from keywork.datebounds import in_era
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.schemas import Page
from keywork.signposting.activity import activity
from keywork.signposting.models import Signposting
from keywork.signposting.schemas import ActivityOut, SignpostingChange, SignpostingIn, SignpostingOut

router = Router(tags=["Signposting"])


def _saved(request, record, fields: dict, version: int = 0):
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean(exclude=["recorded_by", "person"])
    return save_versioned(audit.Actor.from_request(request), record, version)


@router.get("/people/{int:person_id}/signposting", response=list[SignpostingOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_signposting(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    return listed(request, page.of(scoped(request, Signposting, person.pk)), what="signposting")


@router.post("/people/{int:person_id}/signposting", response={201: SignpostingOut})
@permission_required(Permission.RECORD_CONTACT)
def add_signposting(request, person_id: int, payload: SignpostingIn):
    person = person_for_request(request, person_id)
    return Status(201, _saved(request, Signposting(person=person), payload.dict()))


@router.put(
    "/people/{int:person_id}/signposting/{int:signposting_id}", response={200: SignpostingOut, 409: StaleRecordOut}
)
@permission_required(Permission.RECORD_CONTACT)
def change_signposting(request, person_id: int, signposting_id: int, payload: SignpostingChange):
    record = record_for_request(request, Signposting, signposting_id)
    if record.person_id != person_id:
        raise Http404
    return _saved(request, record, payload.dict(exclude={"version"}), payload.version)


@router.get("/programme/signposting-activity", response=ActivityOut)
@permission_required(Permission.VIEW_PROGRAMME)
def signposting_activity(request, start: datetime.date, end: datetime.date):
    """Signposting from `start` to `end` (both included) by type of worker and by provider."""
    errors = {}
    in_era(errors, "start", start, "The first day")
    in_era(errors, "end", end, "The last day")
    if end < start:
        errors.setdefault("end", "The last day must be on or after the first day")
    if errors:
        raise ValidationError(errors)
    audience = audience_for(request)
    found = activity(request.service, start, end, audience.threshold if audience.suppressed else 0)
    return {
        "start": start,
        "end": end,
        "people": found.people,
        "by_worker_type": found.by_worker_type,
        "by_provider": found.by_provider,
        "suppression_rule": audience.rule if audience.suppressed else None,
    }
