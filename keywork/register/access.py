"""Reaching records from a page or an API route: scoped to the request's service, every read audited.

Views and API functions reach service-owned records only through this module: `scoped(request,
Model)` for a queryset, `person_for_request` and `record_for_request` for one record about a person,
and `listed` (an API list) or `paged` (a list page) for the rows a list shows: capped, with one
audit entry naming the people on them.
`keywork/tests/test_service_scoping.py` fails on a direct `Model.objects` query in a view or API module.
"""

from django.core.paginator import Page, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404

from keywork import audit
from keywork.accounts.models import Role
from keywork.audit.models import Operation
from keywork.register import withdrawal
from keywork.register.models import Person
from keywork.schemas import LARGEST_ID, LARGEST_PAGE

# A list page's length: a screenful to scan, well under LARGEST_PAGE.
PAGE_SIZE = 25


def people_for(request):
    """The people a request may reach: those of the service it acts in, and no others.

    A keyworker reaches only the people currently allocated to them, unless their service lets
    keyworkers see its whole register; and no one whose withdrawn consent ends the role's access
    under the service's policy (register/withdrawal.py).
    """
    people = Person.objects.filter(service=request.service)
    if request.user.role == Role.KEYWORKER and not request.service.keyworkers_see_whole_service:
        # The worker's own allocations (keyworking's model) through their reverse relation, so the
        # register needs no import from the app above it.
        people = people.filter(pk__in=request.user.allocations.current().values("person_id"))
    return withdrawal.reachable_by(people, request.user.role, request.service.consent_withdrawn_policy)


def scoped(request, model, person_id: int | None = None):
    """The records of `model` this request may reach: the people it may reach; a record its service
    holds (a `service` foreign key: a risk, a case study that may name a person); else a record
    about a person it may reach (a `person` foreign key), or about one of them (`person_id`). A
    model with neither is reached through the record that owns it (`kpi.values`)."""
    if model is Person:
        return people_for(request)
    fields = {field.name for field in model._meta.get_fields()}
    if "service" in fields and person_id is None:
        return model.objects.filter(service=request.service)
    if "person" in fields:
        people = people_for(request)
        if person_id is None:
            return model.objects.filter(person__in=people)
        # Filtering the people by primary key keeps an out-of-range id an empty result, not an error.
        person = people.filter(pk=person_id)
        if not person.exists():
            # The list answers empty, as for a person with no such records, but asking about someone
            # out of reach is a refused attempt on their record, for the auditors to see.
            audit.record_refusal(request, Person, person_id, person_id=_existing(person_id), status=200)
        return model.objects.filter(person__in=person)
    raise TypeError(f"{model.__name__} belongs to no person or service: reach it through its owner")


def person_for_request(request, person_id: int):
    """The person, if they are in the request's service (else 404), with the read audited."""
    try:
        person = get_object_or_404(people_for(request).select_related("service"), pk=person_id)
    except Http404:
        audit.record_refusal(request, Person, person_id, person_id=_existing(person_id), status=404)
        raise
    audit.record(audit.Actor.from_request(request), Operation.VIEW, person, person_id=person.pk)
    return person


def record_for_request(request, model, pk: int):
    """A record of `model` about a person this request may reach (else 404), the read audited.

    For every kind of record held about a person (referrals, admissions, reviews, ...): each has a
    `person` foreign key, and reaching it is reaching that person's record."""
    try:
        reachable = model.objects.filter(person__in=people_for(request)).select_related("person__service")
        record = get_object_or_404(reachable, pk=pk)
    except Http404:
        tried = model.objects.filter(pk=pk) if 0 < pk <= LARGEST_ID else model.objects.none()
        person_id = tried.values_list("person_id", flat=True).first()
        audit.record_refusal(request, model, pk, person_id=person_id, status=404)
        raise
    audit.record(audit.Actor.from_request(request), Operation.VIEW, record, person_id=record.person_id)
    return record


def refused_by_role(sender, request, kwargs, **ignored):
    """A role refused (403) a route about one person (`person_id` in its arguments): audited, as a
    404 is above. Connected to accounts' `access_refused` signal, which sits below the audit."""
    person_id = kwargs.get("person_id")
    if isinstance(person_id, int) and not isinstance(person_id, bool):
        audit.record_refusal(request, Person, person_id, person_id=_existing(person_id), status=403)


def _existing(person_id: int) -> int | None:
    """The id, if it names a person in any service (an id no row can have is never queried)."""
    if 0 < person_id <= LARGEST_ID and Person.objects.filter(pk=person_id).exists():
        return person_id
    return None


def people_on(record) -> list[int]:
    """Who a listed record shows: the person, or the person it is about."""
    return [record.pk if isinstance(record, Person) else record.person_id]


def listed(request, rows, *, what: str, people_of=people_on) -> list:
    """The rows a list shows (a page, or the first LARGEST_PAGE of a queryset), read once, with one
    audit entry naming the people on them (`people_of(row)`: their ids, None for no one). A list
    that shows no one writes nothing."""
    if not isinstance(rows, list):
        rows = list(rows[:LARGEST_PAGE])
    shown = [person_id for row in rows for person_id in people_of(row) if person_id is not None]
    if shown:
        # The entry's record type is what was listed; a row that is no record (an inpatient's
        # row) is filed under the people it shows.
        model = type(rows[0]) if hasattr(rows[0], "_meta") else Person
        audit.record_list_view(request, model, shown, what=what)
    return rows


def paged(request, rows, *, what: str, people_of=people_on) -> Page:
    """The page of a list page that `?page=` asks for (PAGE_SIZE rows), read once and audited as `listed`."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = listed(request, page.object_list, what=what, people_of=people_of)
    return page


def query_without_page(request, key: str = "page") -> str:
    """The page's own query (its filters), for the previous and next links to add `key=` to."""
    query = request.GET.copy()
    query.pop(key, None)
    return query.urlencode()
