"""Where a person lives over the JSON API: bad input refused by field with nothing saved, writes
audited, stale edits refused, commissioners refused and another service's people not found."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.testing.api import Api, Route, World, created, errors, ok, route_params
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
]


@pytest.fixture
def world(person) -> World:
    return World(person=person, placement=Placement.objects.create(person=person, **placement_body()))


def unchanged() -> tuple:
    return list(Placement.objects.values()), PlacementBreakdown.objects.count()


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
