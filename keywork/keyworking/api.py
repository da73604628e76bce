"""Keyworking API routes: the same permissions, rules, operations and audit as the pages."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.models import User
from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.models import (
    Allocation,
    Contact,
    Escalation,
    FollowUp,
    Involvement,
    Professional,
    Referral,
    SupportPlan,
)
from keywork.keyworking.person_page import visible_notes
from keywork.keyworking.schemas import (
    AllocationEndIn,
    AllocationIn,
    AllocationOut,
    ClosureIn,
    ContactIn,
    ContactOut,
    DecisionIn,
    EscalationIn,
    EscalationOut,
    EscalationUpdate,
    InvolvementIn,
    InvolvementOut,
    PlanIn,
    PlanOut,
    ProfessionalIn,
    ProfessionalOut,
    ReferralIn,
    ReferralOut,
)
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.schemas import Page

router = Router(tags=["Keyworking"])


def _actor(request):
    return audit.Actor.from_request(request)


def _checked(record, exclude=()):
    record.full_clean(exclude=list(exclude))
    return record


def _service_user(request, user_id: int | None, field: str):
    if user_id is None:
        return None
    user = scoped(request, User).filter(pk=user_id).first()
    if user is None:
        raise ValidationError({field: f"No user {user_id} in this service"})
    return user


@router.get("/referrals", response=list[ReferralOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_referrals(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, Referral, person_id)), what="referrals")


@router.post("/referrals", response={201: ReferralOut})
@permission_required(Permission.RECORD_REFERRAL)
def add_referral(request, payload: ReferralIn):
    person = person_for_request(request, payload.person_id)
    referral = _checked(Referral(person=person, **payload.dict(exclude={"person_id"})), exclude=["recorded_by"])
    return Status(201, operations.record_referral(_actor(request), person, referral))


@router.post("/referrals/{int:referral_id}/decision", response={200: ReferralOut, 409: StaleRecordOut})
@permission_required(Permission.DECIDE_REFERRAL)
def decide_referral(request, referral_id: int, payload: DecisionIn):
    referral = record_for_request(request, Referral, referral_id)
    for name, value in payload.dict(exclude={"version"}).items():
        setattr(referral, name, value)
    return operations.decide_referral(_actor(request), _checked(referral), payload.version)


@router.post("/referrals/{int:referral_id}/closure", response={200: ReferralOut, 409: StaleRecordOut})
@permission_required(Permission.DECIDE_REFERRAL)
def close_keywork(request, referral_id: int, payload: ClosureIn):
    referral = record_for_request(request, Referral, referral_id)
    for name, value in payload.dict(exclude={"version"}).items():
        setattr(referral, name, value)
    return operations.close_keywork(_actor(request), _checked(referral), payload.version)


@router.get("/allocations", response=list[AllocationOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_allocations(request, page: Query[Page], person_id: int | None = None, current: bool = False):
    allocations = scoped(request, Allocation, person_id)
    return listed(request, page.of(allocations.current() if current else allocations), what="allocations")


@router.post("/allocations", response={201: AllocationOut})
@permission_required(Permission.ALLOCATE)
def allocate(request, payload: AllocationIn):
    person = person_for_request(request, payload.person_id)
    worker = _service_user(request, payload.worker_id, "worker_id")
    allocation = Allocation(
        person=person,
        worker=worker,
        starts_on=payload.starts_on,
        reason=payload.reason,
        assurance_override_reason=payload.assurance_override_reason,
        is_complex=payload.is_complex,
    )
    return Status(
        201, operations.allocate(_actor(request), _checked(allocation, exclude=["recorded_by", "worker_type"]))
    )


@router.post("/allocations/{int:allocation_id}/end", response=AllocationOut)
@permission_required(Permission.ALLOCATE)
def end_allocation(request, allocation_id: int, payload: AllocationEndIn):
    allocation = record_for_request(request, Allocation, allocation_id)
    allocation.ends_on, allocation.end_reason = payload.ends_on, payload.end_reason
    _checked(allocation)
    operations.end_allocation(_actor(request), allocation, payload.ends_on, payload.end_reason)
    return allocation


@router.get("/professionals", response=list[ProfessionalOut])
@permission_required(Permission.MANAGE_NETWORK)
def list_professionals(request, page: Query[Page]):
    return page.of(scoped(request, Professional))


@router.post("/professionals", response={201: ProfessionalOut})
@permission_required(Permission.MANAGE_NETWORK)
def add_professional(request, payload: ProfessionalIn):
    professional = _checked(Professional(service=request.service, **payload.dict()))
    return Status(201, operations.add_professional(_actor(request), professional))


@router.get("/involvements", response=list[InvolvementOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_involvements(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, Involvement, person_id)), what="involvements")


@router.post("/involvements", response={201: InvolvementOut})
@permission_required(Permission.MANAGE_NETWORK)
def add_involvement(request, payload: InvolvementIn):
    person = person_for_request(request, payload.person_id)
    professional = get_object_or_404(scoped(request, Professional), pk=payload.professional_id)
    involvement = Involvement(
        person=person, professional=professional, role_for_person=payload.role_for_person, is_lead=payload.is_lead
    )
    return Status(201, operations.add_involvement(_actor(request), _checked(involvement)))


@router.get("/contacts", response=list[ContactOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_contacts(request, page: Query[Page], person_id: int):
    person = person_for_request(request, person_id)
    readable = scoped(request, FollowUp).readable_by(request.user)
    contacts = list(page.of(person.contacts.prefetch_related(Prefetch("follow_ups", queryset=readable))))
    for contact in contacts:
        contact.notes = visible_notes(contact, request.user, person)
    return contacts


@router.post("/contacts", response={201: ContactOut})
@permission_required(Permission.RECORD_CONTACT)
def add_contact(request, payload: ContactIn):
    person = person_for_request(request, payload.person_id)
    contact = Contact(
        person=person, **payload.dict(exclude={"person_id", "worker_ids", "professional_ids", "follow_ups"})
    )
    if timezone.is_naive(contact.occurred_at):
        # A time sent without a zone is the service's local time (Europe/London).
        contact.occurred_at = timezone.make_aware(contact.occurred_at)
    _checked(contact, exclude=["recorded_by"])
    workers = [_service_user(request, pk, "worker_ids") for pk in payload.worker_ids]
    professionals = [get_object_or_404(scoped(request, Professional), pk=pk) for pk in payload.professional_ids]
    follow_ups = []
    for number, item in enumerate(payload.follow_ups):
        owner = _service_user(request, item.owner_id, f"follow_ups.{number}.owner_id")
        follow_up = FollowUp(contact=contact, person=person, owner=owner, **item.dict(exclude={"owner_id"}))
        try:
            follow_up.full_clean(exclude=["contact", "person"])
        except ValidationError as error:
            raise ValidationError({f"follow_ups.{number}.{k}": v for k, v in error.message_dict.items()}) from error
        follow_ups.append(follow_up)
    return Status(201, operations.record_contact(_actor(request), contact, workers, professionals, follow_ups))


@router.get("/plans", response=list[PlanOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_plans(request, page: Query[Page], person_id: int):
    person = person_for_request(request, person_id)
    return page.of(person.support_plans.all())


@router.post("/plans", response={201: PlanOut})
@permission_required(Permission.EDIT_PLAN)
def save_plan(request, payload: PlanIn):
    person = person_for_request(request, payload.person_id)
    plan = SupportPlan(
        person=person, version=payload.based_on_version + 1, **payload.dict(exclude={"person_id", "based_on_version"})
    )
    # The version is checked by save_plan (409 if stale), not as a uniqueness error here.
    plan.full_clean(exclude=["saved_by"], validate_constraints=False)
    return Status(201, operations.save_plan(_actor(request), person, plan, payload.based_on_version))


@router.get("/escalations", response=list[EscalationOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_escalations(request, page: Query[Page], person_id: int | None = None, open: bool = False):
    escalations = scoped(request, Escalation, person_id)
    return listed(request, page.of(escalations.open() if open else escalations), what="escalations")


@router.post("/escalations", response={201: EscalationOut})
@permission_required(Permission.RECORD_ESCALATION)
def add_escalation(request, payload: EscalationIn):
    person = person_for_request(request, payload.person_id)
    escalation = _checked(Escalation(person=person, **payload.dict(exclude={"person_id"})), exclude=["raised_by"])
    return Status(201, operations.record_escalation(_actor(request), escalation))


@router.patch("/escalations/{int:escalation_id}", response={200: EscalationOut, 409: StaleRecordOut})
@permission_required(Permission.RECORD_ESCALATION)
def update_escalation(request, escalation_id: int, payload: EscalationUpdate):
    escalation = record_for_request(request, Escalation, escalation_id)
    for name, value in payload.dict(exclude_unset=True, exclude={"version"}).items():
        setattr(escalation, name, value if value is not None or name != "response" else "")
    return operations.update_escalation(_actor(request), _checked(escalation), payload.version)
