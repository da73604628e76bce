"""Placing and lifting a legal hold on a person's record, audited with the reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def set_legal_hold(actor, person, hold: bool, reason: str):
    """Place (hold=True) or lift a legal hold. The reason is kept on the record while a hold stands,
    and in the audit log either way. Placing a hold that stands (or lifting one that does not) is
    refused: two managers, or one double click, must not undo each other."""
    current = type(person).objects.select_for_update().values_list("legal_hold", flat=True).get(pk=person.pk)
    if current == hold:
        raise ValidationError(
            "A legal hold is already on this record" if hold else "There is no legal hold on this record to lift"
        )
    person.legal_hold = hold
    person.legal_hold_since = timezone.localdate() if hold else None
    person.legal_hold_reason = reason if hold else ""
    type(person).objects.filter(pk=person.pk).update(
        legal_hold=person.legal_hold,
        legal_hold_since=person.legal_hold_since,
        legal_hold_reason=person.legal_hold_reason,
    )
    audit.record(actor, Operation.UPDATE, person, person_id=person.pk, changes={"legal_hold": hold, "reason": reason})
    return person
