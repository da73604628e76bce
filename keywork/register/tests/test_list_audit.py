"""Lists are bounded and audited: a list request (a page or an API route) reads at most a page of
records and writes one audit entry, in one insert whatever its length, naming the people it showed,
so that a person's trail ("who saw this person") finds every list they were on."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.schemas import LARGEST_PAGE
from keywork.testing.factories import refer

PEOPLE = 12


@pytest.fixture
def people(service, coordinator_user, add_person):
    return [add_person(service, coordinator_user) for _ in range(PEOPLE)]


def audit_inserts(queries) -> dict[str, int]:
    """How many INSERT statements went to each audit table."""
    inserts = [query["sql"] for query in queries if query["sql"].startswith("INSERT")]
    return {table: sum(f'"{table}"' in sql for sql in inserts) for table in ("audit_auditentry", "audit_personshown")}


def listed_entries():
    return AuditEntry.objects.filter(operation=Operation.LIST)


def names_on(entry) -> set[int]:
    return set(entry.people_shown.values_list("person_id", flat=True))


def test_an_api_list_writes_one_entry_in_one_insert_naming_everyone_it_showed(api, people):
    with CaptureQueriesContext(connection) as queries:
        answer = api.get("/api/people", status="all").json()

    assert audit_inserts(queries.captured_queries) == {"audit_auditentry": 1, "audit_personshown": 1}
    (entry,) = listed_entries()
    assert names_on(entry) == {item["id"] for item in answer["items"]} == {person.pk for person in people}
    assert entry.actor == api.user and entry.changes == {"list": "register", "people": PEOPLE}


def test_a_person_not_on_the_page_is_not_named(api, people):
    shown = api.get("/api/people", status="all", limit=5, offset=5).json()["items"]

    (entry,) = listed_entries()
    assert names_on(entry) == {item["id"] for item in shown}
    assert len(names_on(entry)) == 5
    left_out = {person.pk for person in people} - names_on(entry)
    assert not AuditEntry.objects.about_person(left_out.pop()).filter(operation=Operation.LIST).exists()


def test_the_persons_trail_on_their_page_finds_the_list_that_showed_them(coordinator, manager, people):
    coordinator.http.get(reverse("register:list"))
    person = people[0]

    trail = manager.http.get(person.get_absolute_url() + "records/").content.decode()

    (entry,) = listed_entries()
    assert AuditEntry.objects.about_person(person.pk).filter(pk=entry.pk).exists()
    assert "Listed" in trail and "A list: register" in trail and coordinator.user.username in trail


def test_a_list_page_writes_one_entry_naming_only_its_page(coordinator, people):
    with CaptureQueriesContext(connection) as queries:
        page = coordinator.http.get(reverse("register:list")).context["page"]

    assert audit_inserts(queries.captured_queries) == {"audit_auditentry": 1, "audit_personshown": 1}
    (entry,) = listed_entries()
    assert names_on(entry) == {person.pk for person in page.object_list}


def test_another_services_people_are_never_named(api, people, other_service, make_user, add_person):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))

    api.get("/api/people", status="all")
    api.get("/api/referrals")

    assert not AuditEntry.objects.about_person(stranger.pk).filter(actor=api.user).exists()


def test_a_bare_list_route_is_capped_and_pages_by_limit_and_offset(api, people, coordinator_user):
    for person in people:
        refer(person, coordinator_user)

    first = api.get("/api/referrals", limit=5).json()
    rest = api.get("/api/referrals", limit=LARGEST_PAGE, offset=5).json()

    assert len(first) == 5 and len(rest) == PEOPLE - 5
    assert {item["id"] for item in first}.isdisjoint(item["id"] for item in rest)
    assert [names_on(entry) for entry in listed_entries().order_by("id")] == [
        {item["person_id"] for item in first},
        {item["person_id"] for item in rest},
    ]


@pytest.mark.parametrize("route", ["/api/people", "/api/referrals", "/api/reviews", "/api/outcomes/behaviour-records"])
def test_a_page_larger_than_the_cap_is_refused_naming_limit(api, route):
    response = api.get(route, limit=LARGEST_PAGE + 1)

    assert response.status_code == 422
    assert "limit" in response.json()["errors"]


def test_a_list_that_shows_no_one_writes_nothing(api):
    api.get("/api/referrals")
    assert not listed_entries().exists()


def test_the_audit_search_by_person_finds_the_lists_that_showed_them(coordinator, as_role, people):
    coordinator.http.get(reverse("register:list"))

    page = as_role(Role.ADMIN).http.get(reverse("audit:search"), {"person_id": people[0].pk}).context["page"]

    assert [entry.operation for entry in page.object_list if entry.actor == coordinator.user] == [Operation.LIST]
