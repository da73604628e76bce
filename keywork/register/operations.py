"""Every change to the register, each audited, in one transaction. Pages and the API call these."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict

from keywork import audit
from keywork.audit.models import Operation
from keywork.register.choices import RegisterStatus
from keywork.register.models import Consent, FamilyContact, Person, RatingChange

DETAIL_FIELDS = [
    "nhs_number",
    "given_name",
    "family_name",
    "preferred_name",
    "date_of_birth",
    "sex",
    "gender_identity",
    "ethnicity",
    "postcode",
    "local_authority",
    "condition",
    "communication_needs",
    "referral_source",
    "referral_date",
]


def _audit(actor, operation, obj, person, changes=None):
    audit.record(actor, operation, obj, person_id=person.pk, changes=changes)


@transaction.atomic
def add_person(actor, person: Person, consent: Consent, rating: RatingChange) -> Person:
    """Put a person on the register with the consent that allows it and their first rating."""
    try:
        with transaction.atomic():
            person.save()
    except IntegrityError as error:
        # Two people adding the same NHS number at the same moment: the second is told plainly.
        raise ValidationError(
            {"nhs_number": "A person with this NHS number is already on this service's register"}
        ) from error
    _audit(actor, Operation.CREATE, person, person, model_to_dict(person, fields=DETAIL_FIELDS))
    record_consent(actor, person, consent)
    change_rating(actor, person, rating)
    return person


@transaction.atomic
def update_details(actor, person: Person, version: int, changed: dict) -> Person:
    """Save edited details unless someone else saved since `version` (StaleRecordError)."""
    person.save_if_unchanged_since(version, DETAIL_FIELDS)
    _audit(actor, Operation.UPDATE, person, person, changed)
    return person


@transaction.atomic
def change_rating(actor, person: Person, change: RatingChange) -> RatingChange:
    change.person = person
    change.decided_by = actor.user
    change.save()
    person.refresh_rating()
    _audit(
        actor,
        Operation.CREATE,
        change,
        person,
        {
            "rating": change.rating,
            "effective_on": change.effective_on,
            "risk_factors": change.risk_factors,
        },
    )
    return change


@transaction.atomic
def record_consent(actor, person: Person, consent: Consent) -> Consent:
    consent.person = person
    consent.recorded_by = actor.user
    consent.save()
    _audit(actor, Operation.CREATE, consent, person, {"basis": consent.basis, "decided_on": consent.decided_on})
    return consent


@transaction.atomic
def end_registration(actor, person: Person, version: int, status: str, reason: str, on) -> Person:
    """Take a person off the register: a status change with a reason; nothing is deleted."""
    if status == RegisterStatus.ACTIVE:
        raise ValueError("Ending a registration needs a status other than active")
    person.status, person.status_reason, person.status_changed_on = status, reason, on
    person.save_if_unchanged_since(version, ["status", "status_reason", "status_changed_on"])
    _audit(actor, Operation.UPDATE, person, person, {"status": status, "reason": reason, "on": on})
    return person


@transaction.atomic
def add_family_contact(actor, person: Person, contact: FamilyContact) -> FamilyContact:
    contact.person = person
    contact.save()
    _audit(actor, Operation.CREATE, contact, person, {"relationship": contact.relationship})
    return contact
