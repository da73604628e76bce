"""A person's education records over the API, at /api/people/{id}/education/: the same
permissions, rules (full_clean: errors name the field, nothing saved), locking and audit as the pages."""

from django.http import Http404
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_versioned
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.education.schemas import (
    EducationEventChange,
    EducationEventIn,
    EducationEventOut,
    EducationSettingChange,
    EducationSettingIn,
    EducationSettingOut,
    EhcpIn,
    EhcpOut,
)
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.schemas import Page

router = Router(tags=["Education"])


def _saved(request, record, fields: dict, version: int = 0):
    for name, value in fields.items():
        setattr(record, name, "" if value is None and name in ("name", "local_authority", "notes") else value)
    record.full_clean(exclude=["recorded_by", "person"])
    return save_versioned(audit.Actor.from_request(request), record, version)


def _record_of(request, model, person_id: int, pk: int):
    """The record, if it is about this person and the request may reach them (else 404)."""
    record = record_for_request(request, model, pk)
    if record.person_id != person_id:
        raise Http404
    return record


@router.get("/{int:person_id}/education/ehcp", response=EhcpOut)
@permission_required(Permission.VIEW_PEOPLE)
def get_ehcp(request, person_id: int):
    person = person_for_request(request, person_id)
    ehcp = scoped(request, Ehcp, person.pk).first()
    if ehcp is None:
        raise Http404
    return ehcp


@router.put("/{int:person_id}/education/ehcp", response={200: EhcpOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def put_ehcp(request, person_id: int, payload: EhcpIn):
    """Record, or correct, whether the person has an EHCP, and its dates."""
    person = person_for_request(request, person_id)
    ehcp = scoped(request, Ehcp, person.pk).first() or Ehcp(person=person)
    return _saved(request, ehcp, payload.dict(exclude={"version"}), payload.version)


@router.get("/{int:person_id}/education/settings", response=list[EducationSettingOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_settings(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    return listed(request, page.of(scoped(request, EducationSetting, person.pk)), what="education settings")


@router.post("/{int:person_id}/education/settings", response={201: EducationSettingOut})
@permission_required(Permission.EDIT_PERSON)
def add_setting(request, person_id: int, payload: EducationSettingIn):
    person = person_for_request(request, person_id)
    return Status(201, _saved(request, EducationSetting(person=person), payload.dict()))


@router.put(
    "/{int:person_id}/education/settings/{int:setting_id}", response={200: EducationSettingOut, 409: StaleRecordOut}
)
@permission_required(Permission.EDIT_PERSON)
def change_setting(request, person_id: int, setting_id: int, payload: EducationSettingChange):
    setting = _record_of(request, EducationSetting, person_id, setting_id)
    return _saved(request, setting, payload.dict(exclude={"version"}), payload.version)


@router.get("/{int:person_id}/education/events", response=list[EducationEventOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_events(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    rows = scoped(request, EducationEvent, person.pk)
    return listed(request, page.of(rows), what="exclusions, part-time timetables and attendance concerns")


@router.post("/{int:person_id}/education/events", response={201: EducationEventOut})
@permission_required(Permission.EDIT_PERSON)
def add_event(request, person_id: int, payload: EducationEventIn):
    person = person_for_request(request, person_id)
    return Status(201, _saved(request, EducationEvent(person=person), payload.dict()))


@router.put("/{int:person_id}/education/events/{int:event_id}", response={200: EducationEventOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def change_event(request, person_id: int, event_id: int, payload: EducationEventChange):
    event = _record_of(request, EducationEvent, person_id, event_id)
    return _saved(request, event, payload.dict(exclude={"version"}), payload.version)
