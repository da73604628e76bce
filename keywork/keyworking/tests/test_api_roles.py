"""Who may reach the keyworking routes of the JSON API: every role against every route, the
permission each route needs, keyworkers kept to their own caseload and everyone to their service."""

from types import SimpleNamespace

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.keyworking.api import router
from keywork.keyworking.models import (
    Contact,
    Escalation,
    FollowUp,
    Involvement,
)
from keywork.testing.api import Api, declared_operations, ok, required_permission, route_params
from keywork.testing.dates import days_ago
from keywork.testing.factories import keyworker_of, refer
from keywork.testing.roles import GRANTED_TO

from .test_api_support import (
    PERSON_SCOPED,
    ROUTES,
    build_world,
    contact_body,
    escalation_body,
    row_counts,
    without_person,
)

LISTS = [route for route in ROUTES if route.method == "get"]
# Lists that take an optional person_id: a person out of reach gives an empty list, not a 404.
FILTERED_LISTS = [
    route for route in LISTS if route in PERSON_SCOPED and route.name not in ("list contacts", "list plans")
]
# Routes that reach one person's record: a person out of reach is not found.
PERSON_ROUTES = [route for route in ROUTES if route in PERSON_SCOPED and route not in FILTERED_LISTS]
KEYWORKER_PERSON_ROUTES = [r for r in PERSON_ROUTES if Role.KEYWORKER in GRANTED_TO[r.permission]]
SERVICE_LISTS = [route for route in LISTS if route.name not in ("list contacts", "list plans")]


@pytest.fixture
def world(service, person, manager):
    return build_world(service, person, manager.user)


# The role table -----------------------------------------------------------------------------------


def test_the_route_table_covers_every_keyworking_route():
    assert set(declared_operations(router)) == {(route.router_path, route.method) for route in ROUTES}


@route_params(ROUTES)
def test_each_route_is_guarded_by_the_permission_it_should_need(route):
    assert required_permission(router, route) == route.permission


@pytest.mark.parametrize("role", Role.values)
@route_params(ROUTES)
def test_each_role_is_refused_exactly_the_routes_its_permissions_do_not_grant(
    service, person, world, make_user, allocate, role, route
):
    user = make_user(service, role)
    if role == Role.KEYWORKER:
        # Keyworkers reach only the people allocated to them (tested below): this tests the guard alone.
        allocate(person, user)
    before = row_counts()

    response = route.call(Api(user), world)

    if role in GRANTED_TO[route.permission]:
        assert response.status_code == route.success, response.content
    else:
        assert response.status_code == 403, response.content
        assert route.permission in response.json()["detail"]
        assert row_counts() == before


@route_params(ROUTES)
def test_a_commissioner_cannot_reach_any_keyworking_route(service, world, make_user, route):
    before = row_counts()

    response = route.call(Api(make_user(service, Role.COMMISSIONER)), world)

    assert response.status_code == 403, response.content
    assert world.person.nhs_number.encode() not in response.content and b"Confidential" not in response.content
    assert row_counts() == before


@route_params([r for r in ROUTES if r.permission in (Permission.ALLOCATE, Permission.DECIDE_REFERRAL)])
def test_a_keyworker_may_not_allocate_or_decide_referrals_even_for_their_own_caseload(
    service, person, world, allocate, route
):
    keyworker = keyworker_of(service)
    allocate(person, keyworker)
    before = row_counts()

    response = route.call(Api(keyworker), world)

    assert response.status_code == 403, response.content
    assert row_counts() == before


# Keyworkers' caseloads ----------------------------------------------------------------------------


@route_params(KEYWORKER_PERSON_ROUTES)
def test_a_keyworker_is_not_found_a_person_not_allocated_to_them(service, world, route):
    before = row_counts()

    response = route.call(Api(keyworker_of(service)), world)

    assert response.status_code == 404, response.content
    assert world.person.nhs_number.encode() not in response.content
    assert row_counts() == before


@route_params(FILTERED_LISTS)
def test_a_keyworker_filtering_a_list_by_a_person_not_allocated_to_them_gets_nothing(service, world, route):
    assert ok(route.call(Api(keyworker_of(service)), world)) == []


def test_a_keyworker_no_longer_reaches_a_person_once_their_allocation_has_ended(service, person, allocate):
    keyworker = keyworker_of(service)
    allocation = allocate(person, keyworker, starts_on=days_ago(30))
    allocation.ends_on = days_ago(1)
    allocation.save()

    response = Api(keyworker).get("/api/contacts", person_id=person.pk)

    assert response.status_code == 404


@pytest.fixture
def two_caseloads(service, person, world, manager, add_person, allocate):
    """The world's person allocated to `mine`; another person with the same records allocated to
    someone else."""
    mine, theirs = keyworker_of(service), keyworker_of(service)
    allocate(person, mine)
    other = add_person(service, manager.user, referral_date=days_ago(60))
    allocate(other, theirs)
    refer(other, manager.user)
    Escalation.objects.create(person=other, raised_by=manager.user, **without_person(escalation_body(other)))
    Involvement.objects.create(person=other, professional=world.professional, role_for_person="Psychiatrist")
    return SimpleNamespace(mine=mine, person=person, other=other)


@pytest.mark.parametrize("path", ["/api/referrals", "/api/allocations", "/api/involvements", "/api/escalations"])
def test_a_keyworkers_lists_hold_only_the_people_allocated_to_them(two_caseloads, path):
    listed = ok(Api(two_caseloads.mine).get(path))

    assert listed
    assert {item["person_id"] for item in listed} == {two_caseloads.person.pk}


@pytest.mark.parametrize("path", ["/api/referrals", "/api/allocations", "/api/involvements", "/api/escalations"])
def test_a_managers_lists_hold_every_caseload_of_their_service(two_caseloads, manager, path):
    listed = ok(Api(manager.user).get(path))

    assert {item["person_id"] for item in listed} == {two_caseloads.person.pk, two_caseloads.other.pk}


# Services -----------------------------------------------------------------------------------------


@pytest.fixture
def outsider(other_service, make_user):
    """A manager of another service: may do everything keyworking, but only there."""
    return Api(make_user(other_service, Role.MANAGER))


@route_params(PERSON_ROUTES)
def test_a_record_of_another_service_is_not_found(world, outsider, route):
    before = row_counts()

    response = route.call(outsider, world)

    assert response.status_code == 404, response.content
    assert world.person.nhs_number.encode() not in response.content
    assert row_counts() == before


@route_params(SERVICE_LISTS)
def test_lists_never_include_another_services_records(world, outsider, route):
    assert ok(outsider.get(route.url(world).split("?")[0])) == []


@route_params(FILTERED_LISTS)
def test_a_list_filtered_by_a_person_of_another_service_is_empty(world, outsider, route):
    response = route.call(outsider, world)

    assert ok(response) == []
    assert world.person.nhs_number.encode() not in response.content


def test_a_professional_of_another_service_cannot_be_named_at_a_contact(world, outsider, other_service, add_person):
    theirs = add_person(other_service, outsider.user)
    before = row_counts()

    response = outsider.post("/api/contacts", contact_body(theirs, professional_ids=[world.professional.pk]))

    assert response.status_code == 404, response.content
    assert (Contact.objects.count(), FollowUp.objects.count()) == (before["Contact"], before["FollowUp"])
