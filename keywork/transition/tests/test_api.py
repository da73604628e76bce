"""The transition plan over the JSON API: one plan a person, bad input refused by field with
nothing saved, writes audited, stale edits refused, commissioners refused and another service's
people not found."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry
from keywork.testing.api import Api, Route, World, created, errors, guard_of, ok, route_params, uncovered
from keywork.testing.dates import days_ago
from keywork.transition.api import router
from keywork.transition.models import TransitionPlan
from keywork.transition.tests.conftest import plan_body


def test_a_plan_is_recorded_read_changed_and_audited(api, young_person):
    url = f"/api/people/{young_person.pk}/transition-plan"
    created(api.post(url, plan_body()))
    assert ok(api.get(url))["housing_owner"] == "Housing options team"
    referred = {"adult_services_referred_on": days_ago(1).isoformat(), "adult_services_referred_to": "Adult LD team"}
    assert ok(api.put(url, plan_body(version=1, **referred)))["version"] == 2
    assert api.put(url, plan_body(version=1)).status_code == 409
    assert AuditEntry.objects.filter(person_id=young_person.pk, operation="update").exists()


def test_a_second_plan_is_refused(api, young_person):
    url = f"/api/people/{young_person.pk}/transition-plan"
    created(api.post(url, plan_body()))
    assert api.post(url, plan_body()).status_code == 409
    assert TransitionPlan.objects.count() == 1


def test_a_plan_with_a_bad_status_or_a_future_agreement_is_refused_and_nothing_saved(api, young_person):
    url = f"/api/people/{young_person.pk}/transition-plan"
    assert "housing_status" in errors(api.post(url, plan_body(housing_status="sorted")))
    assert "agreed_on" in errors(api.post(url, plan_body(agreed_on=days_ago(-3).isoformat())))
    assert not TransitionPlan.objects.exists()


def test_a_person_without_a_plan_has_none_to_read(api, young_person):
    assert api.get(f"/api/people/{young_person.pk}/transition-plan").status_code == 404


ROUTES = [
    Route("read the plan", "get", "/api/people/{person}/transition-plan"),
    Route("record a plan", "post", "/api/people/{person}/transition-plan", body=lambda world: plan_body()),
    Route("change the plan", "put", "/api/people/{person}/transition-plan", body=lambda world: plan_body(version=1)),
]


@pytest.fixture
def world(young_person) -> World:
    return World(person=young_person)


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_transition_route(service, make_user, world, route):
    assert route.call(Api(make_user(service, Role.COMMISSIONER)), world).status_code == 403
    assert not TransitionPlan.objects.exists()


@route_params(ROUTES)
def test_another_services_people_are_not_found(other_service, make_user, world, route):
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert not TransitionPlan.objects.exists()


def test_the_route_table_covers_every_transition_route():
    assert uncovered(router, ROUTES, "/api/people") == set()


@route_params(ROUTES)
def test_each_route_needs_view_people_to_read_and_edit_person_to_write(route):
    needed = Permission.VIEW_PEOPLE if route.method == "get" else Permission.EDIT_PERSON
    assert guard_of(router, route, "/api/people") == needed
