"""C(E)TR API routes: the same permissions, rules, operations and audit as the pages."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.education.models import has_ehcp
from keywork.keyworking.models import Professional
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.reviews import operations
from keywork.reviews.choices import ReviewKind
from keywork.reviews.files import ReportValidator
from keywork.reviews.models import Action, Review, staff_who_may_own_actions
from keywork.reviews.schemas import ActionIn, ActionOut, ActionUpdate, LaepIn, ReviewIn, ReviewOut
from keywork.schemas import Page

router = Router(tags=["C(E)TRs"])


@router.get("/reviews", response=list[ReviewOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_reviews(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, Review, person_id)), what="C(E)TRs")


@router.post("/reviews", response={201: ReviewOut})
@permission_required(Permission.RECORD_REVIEW)
def add_review(request, payload: ReviewIn):
    person = person_for_request(request, payload.person_id)
    review = Review(person=person, includes_education=has_ehcp(person), **payload.dict(exclude={"person_id"}))
    review.full_clean(exclude=["recorded_by", "report"])
    return Status(201, operations.save_review(audit.Actor.from_request(request), review))


@router.post("/laep-meetings", response={201: ReviewOut})
@permission_required(Permission.RECORD_REVIEW)
def add_laep(request, payload: LaepIn):
    """An LAEP meeting, listed with the C(E)TRs (kind "laep"), as on its page."""
    person = person_for_request(request, payload.person_id)
    review = Review(
        person=person,
        kind=ReviewKind.LAEP,
        requested_on=payload.held_on,
        held_on=payload.held_on,
        other_attendees=payload.who_attended,
        outcome_summary=payload.outcome,
    )
    review.full_clean(exclude=["recorded_by", "report"])
    return Status(201, operations.save_review(audit.Actor.from_request(request), review))


@router.post("/reviews/{int:review_id}/report", response=ReviewOut)
@permission_required(Permission.RECORD_REVIEW)
def upload_report(request, review_id: int, report: File[UploadedFile]):
    """Attach the review's report: a PDF or Word document, checked by its content."""
    review = record_for_request(request, Review, review_id)
    try:
        ReportValidator()(report)
    except ValidationError as error:
        raise ValidationError({"report": error.messages}) from error
    review.report, review.report_name = report, report.name
    return operations.save_review(audit.Actor.from_request(request), review)


@router.get("/actions", response=list[ActionOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_actions(request, page: Query[Page], person_id: int | None = None, open: bool = False, overdue: bool = False):
    actions = scoped(request, Action, person_id).for_lists()
    if overdue:
        actions = actions.overdue()
    elif open:
        actions = actions.open()
    return listed(request, page.of(actions), what="C(E)TR actions")


@router.post("/reviews/{int:review_id}/actions", response={201: ActionOut})
@permission_required(Permission.RECORD_REVIEW)
def add_action(request, review_id: int, payload: ActionIn):
    review = record_for_request(request, Review, review_id)
    return Status(201, raise_action(request, review, payload))


def raise_action(request, source, payload: ActionIn) -> Action:
    """An action raised by `source` (a C(E)TR, an assessment) from the API, checked and saved."""
    service = source.person.service
    staff = professional = None
    # Owners from another service are not found, as on the form (which offers only this service's).
    if payload.owner_staff_id:
        staff = get_object_or_404(staff_who_may_own_actions(service), pk=payload.owner_staff_id)
    if payload.owner_professional_id:
        professional = get_object_or_404(scoped(request, Professional), pk=payload.owner_professional_id)
    values = payload.dict(exclude={"owner_staff_id", "owner_professional_id"})
    action = Action.raised_from(source, owner_staff=staff, owner_professional=professional, **values)
    action.full_clean()
    return operations.save_action(audit.Actor.from_request(request), action)


@router.patch("/actions/{int:action_id}", response={200: ActionOut, 409: StaleRecordOut})
@permission_required(Permission.RECORD_REVIEW)
def update_action(request, action_id: int, payload: ActionUpdate):
    action = record_for_request(request, Action, action_id)
    for name, value in payload.dict(exclude_unset=True, exclude={"version"}).items():
        setattr(action, name, value)
    action.full_clean()
    return operations.save_action(audit.Actor.from_request(request), action, payload.version)
