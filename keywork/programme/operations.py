"""Saving programme records, each audited. Pages and the API call this."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.programme.models import PostHolding
from keywork.programme.models.workforce import rescaled_wte


@transaction.atomic
def save(actor, record, **attributes):
    """Save a programme record (setting `attributes` first, e.g. who recorded it), and audit it."""
    operation = Operation.UPDATE if record.pk else Operation.CREATE
    for name, value in attributes.items():
        setattr(record, name, value)
    record.save()
    audit.record(actor, operation, record)
    return record


@transaction.atomic
def set_full_time_week(actor, employer, hours):
    """Change an employer's full-time week, and restate the WTE of its posts' holdings so the same
    hours worked count under the new week (0.93 of 37.5 hours becomes 1.00 of 35); each change audited."""
    before = employer.full_time_hours
    if hours == before:
        return employer
    employer.full_time_hours = hours
    employer.save()
    audit.record(actor, Operation.UPDATE, employer, changes={"full_time_hours": [str(before), str(hours)]})
    holdings = PostHolding.objects.filter(post__service_id=employer.service_id, post__employer=employer.name)
    for holding in holdings:
        was = holding.wte
        holding.wte = rescaled_wte(was, before, hours)
        holding.save(update_fields=["wte"])
        audit.record(actor, Operation.UPDATE, holding, changes={"wte": [str(was), str(holding.wte)]})
    return employer
