"""Behaviour support over the API, under /api/people/{person_id}: PBS plan versions and incidents,
with the same permissions, rules (errors name the field, nothing saved), operations and audit as
the pages."""

from django.core.exceptions import ValidationError
from ninja import Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.behavioursupport import operations
from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.behavioursupport.schemas import IncidentIn, IncidentOut, PlanIn, PlanOut
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request

router = Router(tags=["Behaviour support"])


@router.get("/{int:person_id}/pbs-plans", response=list[PlanOut])
@permission_required(Permission.VIEW_PEOPLE)
def plans(request, person_id: int):
    """Every version of the person's PBS plan, the latest first."""
    return list(person_for_request(request, person_id).pbs_plans.all())


@router.post("/{int:person_id}/pbs-plans", response={201: PlanOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PLAN)
def add_plan(request, person_id: int, payload: PlanIn):
    """A new version of the plan."""
    person = person_for_request(request, person_id)
    plan = PbsPlan(person=person, **payload.dict(exclude={"based_on_version"}))
    plan.full_clean(exclude=["saved_by", "version"])
    actor = audit.Actor.from_request(request)
    return Status(201, operations.save_plan(actor, person, plan, payload.based_on_version))


@router.get("/{int:person_id}/incidents", response=list[IncidentOut])
@permission_required(Permission.VIEW_PEOPLE)
def incidents(request, person_id: int):
    """The person's incidents, the latest first."""
    person = person_for_request(request, person_id)
    rows = person.incidents.select_related("recorded_by").prefetch_related("practices")
    return listed(request, rows, what="incidents")


@router.post("/{int:person_id}/incidents", response={201: IncidentOut})
@permission_required(Permission.RECORD_OUTCOMES)
def record_incident(request, person_id: int, payload: IncidentIn):
    person = person_for_request(request, person_id)
    incident = Incident(person=person, **payload.dict(exclude={"restrictive_practices"}))
    practices = [RestrictivePractice(practice=p.practice, minutes=p.minutes) for p in payload.restrictive_practices]
    errors = {}
    for check in (lambda: incident.full_clean(exclude=["recorded_by"]), lambda: incident.check_practices(practices)):
        try:
            check()
        except ValidationError as error:
            errors |= error.message_dict
    if len({p.practice for p in practices}) < len(practices):
        errors["restrictive_practices"] = ["Give each restrictive practice once, with its total minutes"]
    if errors:
        raise ValidationError(errors)
    saved = operations.record_incident(audit.Actor.from_request(request), incident, practices)
    return Status(201, saved)
