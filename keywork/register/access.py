"""Reaching a person's record: scoped to the request's service, and every read audited."""

from django.shortcuts import get_object_or_404

from keywork import audit
from keywork.accounts.permissions import people_for
from keywork.audit.models import Operation


def person_for_request(request, person_id: int):
    """The person, if they are in the request's service (else 404), with the read audited."""
    person = get_object_or_404(people_for(request).select_related("service"), pk=person_id)
    audit.record(audit.Actor.from_request(request), Operation.VIEW, person, person_id=person.pk)
    return person


def record_for_request(request, model, pk: int):
    """A record of `model` about a person this request may reach (else 404), the read audited.

    For every kind of record held about a person (referrals, admissions, reviews, ...): each has a
    `person` foreign key, and reaching it is reaching that person's record."""
    record = get_object_or_404(model.objects.select_related("person__service"), pk=pk, person__in=people_for(request))
    audit.record(audit.Actor.from_request(request), Operation.VIEW, record, person_id=record.person_id)
    return record
