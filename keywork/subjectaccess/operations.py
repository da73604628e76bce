"""Every change to a subject access request, and every pack made, audited in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.presenters import uk_long_date
from keywork.subjectaccess import pack
from keywork.subjectaccess.models import SubjectAccessRequest

IDENTITY_FIRST = (
    "The pack cannot be made until the requester's identity has been checked: record the identity check first"
)


def _locked(access_request: SubjectAccessRequest) -> SubjectAccessRequest:
    """The request as stored now, its row locked until the transaction ends: two managers acting on
    the same request at once take turns, and each sees the other's change (the caller's copy may be stale)."""
    return (
        SubjectAccessRequest.objects.select_for_update(of=("self",)).select_related("person").get(pk=access_request.pk)
    )


def _save(access_request: SubjectAccessRequest, **values) -> SubjectAccessRequest:
    """Set `values`, check the whole request, and write only those fields: a refused change writes nothing."""
    for name, value in values.items():
        setattr(access_request, name, value)
    access_request.full_clean()
    access_request.save(update_fields=list(values))
    return access_request


def _audit(actor, operation, access_request, changes):
    audit.record(actor, operation, access_request, person_id=access_request.person_id, changes=changes)


@transaction.atomic
def record_request(actor, person, access_request: SubjectAccessRequest) -> SubjectAccessRequest:
    access_request.person = person
    access_request.recorded_by = actor.user
    access_request.full_clean()
    access_request.save()
    _audit(
        actor,
        Operation.CREATE,
        access_request,
        {
            "received_on": access_request.received_on,
            "relationship": access_request.relationship,
            "due_on": access_request.due_on,
        },
    )
    return access_request


@transaction.atomic
def record_identity_check(actor, access_request: SubjectAccessRequest, on, evidence: str) -> SubjectAccessRequest:
    """Record who checked the requester's identity, when and how: evidence kept, never overwritten."""
    access_request = _locked(access_request)
    if access_request.identity_checked:
        raise ValidationError(
            f"The identity check was already recorded on {uk_long_date(access_request.identity_checked_on)}: "
            "it is kept as evidence and cannot be recorded again"
        )
    access_request = _save(
        access_request, identity_checked_on=on, identity_evidence=evidence, identity_checked_by=actor.user
    )
    _audit(actor, Operation.UPDATE, access_request, {"identity_checked_on": on, "identity_evidence": evidence})
    return access_request


@transaction.atomic
def extend(actor, access_request: SubjectAccessRequest, months: int, reason: str) -> SubjectAccessRequest:
    """Extend by `months` more, for `reason`: refused after the first month, once answered, and past
    the two months in total the law allows. An earlier extension's reason is kept."""
    access_request = _locked(access_request)
    access_request.add_extension(months, reason, timezone.localdate())
    access_request = _save(
        access_request,
        extension_months=access_request.extension_months,
        extension_reason=access_request.extension_reason,
    )
    _audit(
        actor,
        Operation.UPDATE,
        access_request,
        {"extended_by_months": months, "reason": reason, "due_on": access_request.due_on},
    )
    return access_request


@transaction.atomic
def record_response(actor, access_request: SubjectAccessRequest, on) -> SubjectAccessRequest:
    access_request = _locked(access_request)
    if not access_request.is_open:
        raise ValidationError(
            f"The response was already recorded, dated {uk_long_date(access_request.responded_on)}: "
            "it is kept as evidence and cannot be recorded again"
        )
    access_request = _save(access_request, responded_on=on)
    _audit(actor, Operation.UPDATE, access_request, {"responded_on": on})
    return access_request


def export_pack(actor, access_request: SubjectAccessRequest, file_format: str) -> bytes:
    """The pack as PDF or ZIP, refused while the requester's identity is unchecked; each one audited."""
    if not access_request.identity_checked:
        raise ValidationError(IDENTITY_FIRST)
    body = pack.pack_pdf(access_request) if file_format == "pdf" else pack.pack_zip(access_request)
    _audit(actor, Operation.EXPORT, access_request, {"subject_access_pack": file_format, "bytes": len(body)})
    return body
