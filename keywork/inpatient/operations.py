"""Admissions, legal status and discharges, each audited, with the rating set by rule:
blue on admission, red on discharge (NHS England DSR guidance; Lincolnshire's 14-day practice)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.inpatient.models import LegalStatusChange
from keywork.register import operations as register
from keywork.register.choices import Rating, RatingCause, RegisterStatus
from keywork.register.models import RatingChange


def _rate(actor, person, rating, cause, on, reason):
    change = RatingChange(rating=rating, cause=cause, effective_on=on, reason=reason)
    register.change_rating(actor, person, change)


@transaction.atomic
def record_admission(actor, admission, legal_status: str):
    """Record an admission (past dates allowed: the rating history slots in at the right dates)."""
    person = admission.person
    admission.recorded_by = actor.user
    admission.save()
    LegalStatusChange.objects.create(
        admission=admission, status=legal_status, effective_on=admission.admitted_on, recorded_by=actor.user
    )
    audit.record(
        actor, Operation.CREATE, admission, person_id=person.pk, changes={"admitted_on": admission.admitted_on}
    )
    if person.status != RegisterStatus.ACTIVE:
        # Anyone admitted is on the register as blue (DSR guidance), even if they had been removed.
        person.status, person.status_reason = RegisterStatus.ACTIVE, "Back on the register on admission"
        person.archived_on = None  # an archived entry comes back into every list with them
        person.save(update_fields=["status", "status_reason", "archived_on"])
    _rate(
        actor,
        person,
        Rating.BLUE,
        RatingCause.ADMISSION,
        admission.admitted_on,
        f"Admitted to {admission.hospital} ({admission.unit})",
    )
    if admission.discharged_on:
        _rate(
            actor,
            person,
            Rating.RED,
            RatingCause.DISCHARGE,
            admission.discharged_on,
            f"Discharged from {admission.hospital} to {admission.discharge_destination}",
        )
    return admission


@transaction.atomic
def record_discharge(actor, admission):
    admission.save(update_fields=["discharged_on", "discharge_destination", "delay_reasons"])
    audit.record(
        actor,
        Operation.UPDATE,
        admission,
        person_id=admission.person_id,
        changes={"discharged_on": admission.discharged_on},
    )
    _rate(
        actor,
        admission.person,
        Rating.RED,
        RatingCause.DISCHARGE,
        admission.discharged_on,
        f"Discharged from {admission.hospital} to {admission.discharge_destination}",
    )
    return admission


@transaction.atomic
def change_legal_status(actor, admission, change):
    change.admission, change.recorded_by = admission, actor.user
    change.save()
    audit.record(actor, Operation.CREATE, change, person_id=admission.person_id, changes={"status": change.status})
    return change
