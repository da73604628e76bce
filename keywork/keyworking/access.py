"""Reaching keyworking records: only through a person the request may reach, every read audited."""

from django.shortcuts import get_object_or_404

from keywork import audit
from keywork.accounts.permissions import people_for
from keywork.audit.models import Operation


def record_for_request(request, model, pk: int):
    """A keyworking record of `model` whose person this request may reach (else 404), read audited."""
    record = get_object_or_404(model.objects.select_related("person__service"), pk=pk, person__in=people_for(request))
    audit.record(audit.Actor.from_request(request), Operation.VIEW, record, person_id=record.person_id)
    return record
