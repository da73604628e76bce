"""Saving education records, each audited. Pages and the API call these after the record's rules
have been checked (the ModelForm on pages, full_clean on the API)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def save(actor, record, version: int = 0):
    """Save a setting, an EHCP or an event and audit it; an edit only if nobody saved it since `version`."""
    operation = Operation.UPDATE if record.pk else Operation.CREATE
    if record.pk is None:
        record.recorded_by = actor.user
    record.save_if_unchanged_since(version)
    changes = {name: str(getattr(record, name)) for name in record.AUDITED}
    audit.record(actor, operation, record, person_id=record.person_id, changes=changes)
    return record
