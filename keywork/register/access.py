"""Reaching a person's record: scoped to the request's service, and every read audited."""

from django.shortcuts import get_object_or_404

from keywork import audit
from keywork.accounts.models import Role
from keywork.audit.models import Operation
from keywork.register.models import Person


def people_for(request):
    """The people a request may reach: those of the service it acts in, and no others.

    A keyworker reaches only the people currently allocated to them, unless their service lets
    keyworkers see its whole register.
    """
    people = Person.objects.filter(service=request.service)
    if request.user.role == Role.KEYWORKER and not request.service.keyworkers_see_whole_service:
        # The worker's own allocations (keyworking's model) through their reverse relation, so the
        # register needs no import from the app above it.
        people = people.filter(pk__in=request.user.allocations.current().values("person_id"))
    return people


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
