"""Every change to a subject access request, and every pack made, audited in one transaction."""

import copy

from django.core.exceptions import ValidationError
from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.subjectaccess import pack
from keywork.subjectaccess.models import SubjectAccessRequest

IDENTITY_FIRST = (
    "The pack cannot be made until the requester's identity has been checked: record the identity check first"
)


def _changed(access_request: SubjectAccessRequest, **values) -> SubjectAccessRequest:
    """A checked copy with `values` set: a refused change leaves the caller's record as it was."""
    changed = copy.copy(access_request)
    for name, value in values.items():
        setattr(changed, name, value)
    changed.full_clean()
    return changed


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
    access_request = _changed(
        access_request, identity_checked_on=on, identity_evidence=evidence, identity_checked_by=actor.user
    )
    access_request.save()
    _audit(actor, Operation.UPDATE, access_request, {"identity_checked_on": on, "identity_evidence": evidence})
    return access_request


@transaction.atomic
def extend(actor, access_request: SubjectAccessRequest, months: int, reason: str) -> SubjectAccessRequest:
    """Extend by `months` more, for `reason` (refused past the two months in total the law allows)."""
    access_request = _changed(
        access_request, extension_months=access_request.extension_months + months, extension_reason=reason
    )
    access_request.save()
    _audit(
        actor,
        Operation.UPDATE,
        access_request,
        {"extended_by_months": months, "reason": reason, "due_on": access_request.due_on},
    )
    return access_request


@transaction.atomic
def record_response(actor, access_request: SubjectAccessRequest, on) -> SubjectAccessRequest:
    access_request = _changed(access_request, responded_on=on)
    access_request.save()
    _audit(actor, Operation.UPDATE, access_request, {"responded_on": on})
    return access_request


def export_pack(actor, access_request: SubjectAccessRequest, file_format: str) -> bytes:
    """The pack as PDF or ZIP, refused while the requester's identity is unchecked; each one audited."""
    if not access_request.identity_checked:
        raise ValidationError(IDENTITY_FIRST)
    body = pack.pack_pdf(access_request) if file_format == "pdf" else pack.pack_zip(access_request)
    _audit(actor, Operation.EXPORT, access_request, {"subject_access_pack": file_format, "bytes": len(body)})
    return body
