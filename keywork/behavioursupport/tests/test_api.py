"""Behaviour support over the JSON API: plan versions and incidents recorded, read and audited;
bad input refused by field with nothing saved; commissioners refused and other services' people
not found."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.behavioursupport.api import router
from keywork.behavioursupport.models import Incident, PbsPlan
from keywork.behavioursupport.tests.conftest import incident_body, plan_body
from keywork.testing.api import Api, Route, World, created, errors, guard_of, ok, route_params, uncovered
from keywork.testing.dates import TODAY


@pytest.fixture
def api_manager(api_as):
    return api_as(Role.MANAGER)


def test_plan_versions_are_saved_in_turn_and_read_back(api_manager, person):
    url = f"/api/people/{person.pk}/pbs-plans"
    assert created(api_manager.post(url, plan_body()))["version"] == 1
    assert created(api_manager.post(url, plan_body(based_on_version=1)))["version"] == 2
    assert api_manager.post(url, plan_body(based_on_version=1)).status_code == 409
    assert [plan["version"] for plan in ok(api_manager.get(url))] == [2, 1]


def test_a_plan_without_its_reactive_strategies_is_refused_and_nothing_saved(api_manager, person):
    response = api_manager.post(f"/api/people/{person.pk}/pbs-plans", plan_body(reactive_strategies=""))
    assert "reactive_strategies" in errors(response)
    assert not PbsPlan.objects.exists()


def test_an_incident_is_recorded_with_its_practices_read_back_and_audited(api_manager, person):
    url = f"/api/people/{person.pk}/incidents"
    saved = created(api_manager.post(url, incident_body()))
    assert saved["restrictive_practices"] == [{"practice": "physical", "minutes": 5}]
    assert ok(api_manager.get(url))[0]["behaviour"].startswith("Hit out")
    assert AuditEntry.objects.filter(person_id=person.pk, operation="create").exists()


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"restrictive_practices": [{"practice": "seclusion"}]}, "seclusion_minutes"),
        ({"prn_given": True}, "prn_given"),
        ({"occurred_at": f"{TODAY.year + 1}-01-01T10:00:00+00:00"}, "occurred_at"),
        ({"severity": 9}, "severity"),
        ({"restrictive_practices": [{"practice": "strapping", "minutes": 3}]}, "restrictive_practices"),
    ],
)
def test_a_bad_incident_is_refused_by_field_and_nothing_saved(api_manager, person, changes, field):
    response = api_manager.post(f"/api/people/{person.pk}/incidents", incident_body(**changes))
    assert any(name.startswith(field) or field in name for name in errors(response))
    assert not Incident.objects.exists()


ROUTES = [
    Route("read the plans", "get", "/api/people/{person}/pbs-plans"),
    Route("save a plan", "post", "/api/people/{person}/pbs-plans", body=lambda world: plan_body()),
    Route("read the incidents", "get", "/api/people/{person}/incidents"),
    Route("record an incident", "post", "/api/people/{person}/incidents", body=lambda world: incident_body()),
]


@pytest.fixture
def world(person) -> World:
    return World(person=person)


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_behaviour_support_route(service, make_user, world, route):
    assert route.call(Api(make_user(service, Role.COMMISSIONER)), world).status_code == 403
    assert not Incident.objects.exists() and not PbsPlan.objects.exists()


@route_params(ROUTES)
def test_another_services_people_are_not_found(other_service, make_user, world, route):
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert not Incident.objects.exists() and not PbsPlan.objects.exists()


def test_the_route_table_covers_every_behaviour_support_route():
    assert uncovered(router, ROUTES, "/api/people") == set()


@pytest.mark.parametrize(
    "route, permission",
    [(ROUTES[0], "view_people"), (ROUTES[1], "edit_plan"), (ROUTES[2], "view_people"), (ROUTES[3], "record_outcomes")],
    ids=lambda value: getattr(value, "name", value),
)
def test_each_route_needs_the_permission_its_page_needs(route, permission):
    assert guard_of(router, route, "/api/people") == permission
