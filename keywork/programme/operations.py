"""Saving programme records, each audited. Pages and the API call this."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def save(actor, record, **attributes):
    """Save a programme record (setting `attributes` first, e.g. who recorded it), and audit it."""
    operation = Operation.UPDATE if record.pk else Operation.CREATE
    for name, value in attributes.items():
        setattr(record, name, value)
    record.save()
    audit.record(actor, operation, record)
    return record
