"""Inpatient API routes: the same permissions, rules, operations and audit as the pages."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.inpatient import operations
from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.inpatient.schedule import current_inpatients
from keywork.inpatient.schemas import (
    AdmissionIn,
    AdmissionOut,
    DischargeIn,
    InpatientOut,
    LegalStatusIn,
    LegalStatusOut,
)
from keywork.register.access import listed, people_for, person_for_request, record_for_request, scoped
from keywork.schemas import Page

router = Router(tags=["Inpatient care"])


@router.get("/admissions", response=list[AdmissionOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_admissions(request, page: Query[Page], person_id: int | None = None, current: bool = False):
    admissions = scoped(request, Admission, person_id).prefetch_related("legal_status_changes")
    return listed(request, page.of(admissions.current() if current else admissions), what="admissions")


@router.post("/admissions", response={201: AdmissionOut})
@permission_required(Permission.RECORD_ADMISSION)
def record_admission(request, payload: AdmissionIn):
    person = person_for_request(request, payload.person_id)
    admission = Admission(person=person, **payload.dict(exclude={"person_id", "legal_status"}))
    admission.full_clean(exclude=["recorded_by"])
    actor = audit.Actor.from_request(request)
    return Status(201, operations.record_admission(actor, admission, payload.legal_status))


@router.post("/admissions/{int:admission_id}/discharge", response=AdmissionOut)
@permission_required(Permission.RECORD_ADMISSION)
def record_discharge(request, admission_id: int, payload: DischargeIn):
    admission = record_for_request(request, Admission, admission_id)
    if admission.discharged_on:
        raise ValidationError({"discharged_on": "This admission has already ended"})
    for name, value in payload.dict().items():
        setattr(admission, name, value)
    admission.full_clean()
    return operations.record_discharge(audit.Actor.from_request(request), admission)


@router.post("/admissions/{int:admission_id}/legal-status", response={201: LegalStatusOut})
@permission_required(Permission.RECORD_ADMISSION)
def change_legal_status(request, admission_id: int, payload: LegalStatusIn):
    admission = record_for_request(request, Admission, admission_id)
    change = LegalStatusChange(admission=admission, **payload.dict())
    change.full_clean(exclude=["recorded_by"])
    return Status(201, operations.change_legal_status(audit.Actor.from_request(request), admission, change))


@router.get("/inpatients", response=list[InpatientOut])
@permission_required(Permission.VIEW_PEOPLE)
def inpatients(request, page: Query[Page]):
    rows = current_inpatients(people_for(request), request.service, timezone.localdate())
    rows = listed(request, page.of(rows), what="inpatients")
    return [
        {
            "admission": row.admission,
            "days_in_hospital": row.days_in_hospital,
            "legal_status": row.legal_status.status if row.legal_status else None,
            "next_review_due": row.schedule.next_due,
            "review_overdue": row.schedule.is_overdue,
            "has_keyworker": row.has_keyworker,
            "reviewed_before_admission": row.reviewed_before_admission,
        }
        for row in rows
    ]
