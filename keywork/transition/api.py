"""A person's transition plan over the API, at /api/people/{id}/transition-plan: the same
permissions, rules (full_clean: errors name the field, nothing saved), locking and audit as the pages."""

from django.http import Http404
from ninja import Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_versioned
from keywork.locking import StaleRecordOut
from keywork.register.access import person_for_request, scoped
from keywork.transition.models import TransitionPlan
from keywork.transition.schemas import TransitionPlanChange, TransitionPlanIn, TransitionPlanOut

router = Router(tags=["Preparing for adulthood"])


def _saved(request, plan, fields: dict, version: int = 0):
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.full_clean(exclude=["recorded_by", "person"])
    return save_versioned(audit.Actor.from_request(request), plan, version)


def _plan_of(request, person_id: int):
    person = person_for_request(request, person_id)
    return person, scoped(request, TransitionPlan, person.pk).first()


@router.get("/{int:person_id}/transition-plan", response=TransitionPlanOut)
@permission_required(Permission.VIEW_PEOPLE)
def get_plan(request, person_id: int):
    _, plan = _plan_of(request, person_id)
    if plan is None:
        raise Http404
    return plan


@router.post("/{int:person_id}/transition-plan", response={201: TransitionPlanOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def add_plan(request, person_id: int, payload: TransitionPlanIn):
    person, plan = _plan_of(request, person_id)
    if plan is not None:
        already = ["This person already has a transition plan: change it instead"]
        return Status(409, {"detail": already[0], "errors": {"person_id": already}, "version": plan.version})
    return Status(201, _saved(request, TransitionPlan(person=person), payload.dict()))


@router.put("/{int:person_id}/transition-plan", response={200: TransitionPlanOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def change_plan(request, person_id: int, payload: TransitionPlanChange):
    _, plan = _plan_of(request, person_id)
    if plan is None:
        raise Http404
    return _saved(request, plan, payload.dict(exclude={"version"}), payload.version)
