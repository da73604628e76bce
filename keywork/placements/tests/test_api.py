"""Where a person lives over the JSON API: bad input refused by field with nothing saved, writes
audited, stale edits refused, commissioners refused and another service's people not found."""

import datetime

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry
from keywork.placements.api import router
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.testing.api import Api, Route, World, created, errors, guard_of, ok, route_params, uncovered
from keywork.testing.dates import days_ago


def placement_body(**changes) -> dict:
    return {"kind": "residential_home", "area": "out_of_area", "starts_on": days_ago(200), **changes}


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user)


def test_a_placement_is_added_listed_changed_and_audited(api, person):
    added = created(api.post(f"/api/people/{person.pk}/placements", placement_body()))
    assert [row["kind"] for row in ok(api.get(f"/api/people/{person.pk}/placements"))] == ["residential_home"]
    path = f"/api/people/{person.pk}/placements/{added['id']}"
    assert ok(api.put(path, placement_body(ends_on=days_ago(1), version=1)))["version"] == 2
    assert api.put(path, placement_body(area="in_area", version=1)).status_code == 409
    assert AuditEntry.objects.filter(person_id=person.pk, operation="update").exists()


def test_a_placement_with_bad_dates_or_kind_is_refused_and_nothing_saved(api, person):
    url = f"/api/people/{person.pk}/placements"
    assert "ends_on" in errors(api.post(url, placement_body(ends_on=days_ago(300))))
    assert "kind" in errors(api.post(url, placement_body(kind="tent")))
    assert not Placement.objects.exists()


def test_a_breakdown_is_recorded_and_one_without_words_refused(api, person):
    url = f"/api/people/{person.pk}/placement-breakdowns"
    created(api.post(url, {"occurred_on": days_ago(3), "what_happened": "Foster carer gave notice"}))
    assert "what_happened" in errors(api.post(url, {"occurred_on": days_ago(3), "what_happened": ""}))
    assert PlacementBreakdown.objects.count() == 1


def test_a_breakdown_is_changed_with_its_version_audited_and_a_stale_or_empty_change_refused(api, person):
    url = f"/api/people/{person.pk}/placement-breakdowns"
    added = created(api.post(url, {"occurred_on": days_ago(3), "what_happened": "Foster carer gave notice"}))
    path = f"{url}/{added['id']}"
    changed = ok(api.put(path, {"occurred_on": days_ago(4), "what_happened": "Carer left", "version": 1}))
    assert changed["version"] == 2 and changed["what_happened"] == "Carer left"
    assert api.put(path, {"occurred_on": days_ago(5), "what_happened": "x", "version": 1}).status_code == 409
    before_birth = str(person.date_of_birth - datetime.timedelta(days=1))
    assert "occurred_on" in errors(api.put(path, {"occurred_on": before_birth, "what_happened": "x", "version": 2}))
    assert PlacementBreakdown.objects.get().occurred_on == days_ago(4)
    assert AuditEntry.objects.filter(person_id=person.pk, operation="update", object_id=str(added["id"])).exists()


ROUTES = [
    Route("list placements", "get", "/api/people/{person}/placements"),
    Route("add a placement", "post", "/api/people/{person}/placements", body=lambda world: placement_body()),
    Route(
        "change a placement",
        "put",
        "/api/people/{person}/placements/{placement}",
        body=lambda world: placement_body(version=1),
    ),
    Route("list breakdowns", "get", "/api/people/{person}/placement-breakdowns"),
    Route(
        "record a breakdown",
        "post",
        "/api/people/{person}/placement-breakdowns",
        body=lambda world: {"occurred_on": days_ago(1), "what_happened": "w"},
    ),
    Route(
        "change a breakdown",
        "put",
        "/api/people/{person}/placement-breakdowns/{breakdown}",
        body=lambda world: {"occurred_on": days_ago(1), "what_happened": "w", "version": 1},
    ),
]


@pytest.fixture
def world(person) -> World:
    placement = Placement.objects.create(person=person, **placement_body())
    breakdown = PlacementBreakdown.objects.create(person=person, occurred_on=days_ago(9), what_happened="Notice")
    return World(person=person, placement=placement, breakdown=breakdown)


def unchanged() -> tuple:
    return list(Placement.objects.values()), list(PlacementBreakdown.objects.values())


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_placement_route(service, make_user, world, route):
    before = unchanged()
    assert route.call(Api(make_user(service, Role.COMMISSIONER)), world).status_code == 403
    assert unchanged() == before


@route_params(ROUTES)
def test_another_services_people_are_not_found(other_service, make_user, world, route):
    before = unchanged()
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert unchanged() == before


def test_the_route_table_covers_every_placements_route():
    assert uncovered(router, ROUTES, "/api/people") == set()


@route_params(ROUTES)
def test_each_route_needs_view_people_to_read_and_edit_person_to_write(route):
    needed = Permission.VIEW_PEOPLE if route.method == "get" else Permission.EDIT_PERSON
    assert guard_of(router, route, "/api/people") == needed
