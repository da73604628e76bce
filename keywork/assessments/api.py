"""Assessment API routes: the same permissions, rules, operations and audit as the pages. A report is
uploaded as a C(E)TR's is, checked by its content; recommendations are added as actions through the
reviews app's own route logic, and updated on PATCH /api/actions/{id}."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import File, Query, Router, Status
from ninja.files import UploadedFile

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.assessments import operations
from keywork.assessments.models import Assessment
from keywork.assessments.schemas import AssessmentIn, AssessmentOut, AssessmentUpdate
from keywork.locking import StaleRecordOut
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.reviews.api import raise_action
from keywork.reviews.files import ReportValidator
from keywork.reviews.models import staff_who_may_own_actions
from keywork.reviews.schemas import ActionIn, ActionOut
from keywork.schemas import Page

router = Router(tags=["Assessments"])


def _fill(request, assessment, payload: AssessmentIn) -> None:
    """Copy the payload onto the assessment; an assessor from another service is not found (404)."""
    values = payload.dict(exclude={"person_id", "assessor_staff_id", "version"})
    for name, value in values.items():
        setattr(assessment, name, value)
    assessment.areas = [str(area) for area in payload.areas]
    assessment.assessor_staff = None
    if payload.assessor_staff_id:
        service = assessment.person.service
        assessment.assessor_staff = get_object_or_404(staff_who_may_own_actions(service), pk=payload.assessor_staff_id)


@router.get("/assessments", response=list[AssessmentOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_assessments(request, page: Query[Page], person_id: int | None = None):
    rows = scoped(request, Assessment, person_id).select_related("assessor_staff")
    return listed(request, page.of(rows), what="assessments")


@router.post("/assessments", response={201: AssessmentOut})
@permission_required(Permission.RECORD_ASSESSMENT)
def add_assessment(request, payload: AssessmentIn):
    assessment = Assessment(person=person_for_request(request, payload.person_id))
    _fill(request, assessment, payload)
    assessment.full_clean(exclude=["recorded_by", "report"])
    return Status(201, operations.save_assessment(audit.Actor.from_request(request), assessment))


@router.put("/assessments/{int:specialist_assessment_id}", response={200: AssessmentOut, 409: StaleRecordOut})
@permission_required(Permission.RECORD_ASSESSMENT)
def update_assessment(request, specialist_assessment_id: int, payload: AssessmentUpdate):
    """Change an assessment (not whose it is: the person stays the same) unless someone saved it since."""
    assessment = record_for_request(request, Assessment, specialist_assessment_id)
    if payload.person_id != assessment.person_id:
        raise ValidationError({"person_id": "An assessment cannot be moved to another person"})
    _fill(request, assessment, payload)
    assessment.full_clean(exclude=["report"])
    return operations.save_assessment(audit.Actor.from_request(request), assessment, payload.version)


@router.post("/assessments/{int:specialist_assessment_id}/report", response=AssessmentOut)
@permission_required(Permission.RECORD_ASSESSMENT)
def upload_report(request, specialist_assessment_id: int, report: File[UploadedFile]):
    """Attach the assessment's report: a PDF or Word document, checked by its content."""
    assessment = record_for_request(request, Assessment, specialist_assessment_id)
    try:
        ReportValidator()(report)
    except ValidationError as error:
        raise ValidationError({"report": error.messages}) from error
    assessment.report, assessment.report_name = report, report.name
    return operations.save_assessment(audit.Actor.from_request(request), assessment, assessment.version)


@router.post("/assessments/{int:specialist_assessment_id}/actions", response={201: ActionOut})
@permission_required(Permission.RECORD_ASSESSMENT)
def add_action(request, specialist_assessment_id: int, payload: ActionIn):
    """A recommendation of the assessment, tracked as an action (on its owner's work list)."""
    return Status(
        201, raise_action(request, record_for_request(request, Assessment, specialist_assessment_id), payload)
    )
