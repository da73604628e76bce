"""A person's education over the JSON API: the rules refuse bad input by field with nothing saved,
writes are audited, edits are locked against stale versions, commissioners are refused and another
service's people are not found."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry
from keywork.education.api import router
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.testing.api import Api, Route, World, created, errors, guard_of, ok, route_params, uncovered
from keywork.testing.dates import days_ago


def setting_body(**changes) -> dict:
    fields = {"setting_type": "special", "name": "Oak Park School", "area": "out_of_area", "starts_on": days_ago(300)}
    return {**fields, "distance_miles": 40, **changes}


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user)


def url(person, rest=""):
    return f"/api/people/{person.pk}/education/{rest}"


def test_a_setting_is_added_listed_and_audited(api, person):
    added = created(api.post(url(person, "settings"), setting_body()))
    assert [row["name"] for row in ok(api.get(url(person, "settings")))] == ["Oak Park School"]
    assert added["area"] == "out_of_area" and added["version"] == 1
    assert AuditEntry.objects.filter(person_id=person.pk, operation="create").exists()


def test_a_setting_ending_before_it_starts_is_refused_and_nothing_saved(api, person):
    assert "ends_on" in errors(api.post(url(person, "settings"), setting_body(ends_on=days_ago(400))))
    assert "setting_type" in errors(api.post(url(person, "settings"), setting_body(setting_type="boarding")))
    assert not EducationSetting.objects.exists()


def test_a_setting_changed_from_a_stale_version_is_refused(api, person):
    added = created(api.post(url(person, "settings"), setting_body()))
    path = url(person, f"settings/{added['id']}")
    assert ok(api.put(path, setting_body(ends_on=days_ago(1), version=1)))["version"] == 2
    assert api.put(path, setting_body(name="Elm School", version=1)).status_code == 409
    assert EducationSetting.objects.get().name == "Oak Park School"


def test_the_ehcp_is_recorded_with_its_review_due_and_read_back(api, person):
    body = {"status": "yes", "issued_on": "2025-11-01", "local_authority": "Kent"}
    saved = ok(api.put(url(person, "ehcp"), body))
    assert saved["next_annual_review_due"] == "2026-11-01" and saved["annual_review_overdue"] is True
    assert ok(api.get(url(person, "ehcp")))["status"] == "yes"


def test_an_ehcp_with_dates_but_no_plan_is_refused(api, person):
    assert "issued_on" in errors(api.put(url(person, "ehcp"), {"status": "no", "issued_on": "2025-11-01"}))
    assert not Ehcp.objects.exists()


def test_an_exclusion_is_recorded_and_a_permanent_one_may_not_end(api, person):
    body = {"kind": "fixed_term_exclusion", "starts_on": days_ago(10), "ends_on": days_ago(7)}
    created(api.post(url(person, "events"), body))
    permanent = {"kind": "permanent_exclusion", "starts_on": days_ago(3), "ends_on": days_ago(1)}
    assert "ends_on" in errors(api.post(url(person, "events"), permanent))
    assert EducationEvent.objects.count() == 1


ROUTES = [
    Route("list settings", "get", "/api/people/{person}/education/settings"),
    Route("add a setting", "post", "/api/people/{person}/education/settings", body=lambda world: setting_body()),
    Route(
        "change a setting",
        "put",
        "/api/people/{person}/education/settings/{setting}",
        body=lambda world: setting_body(version=1),
    ),
    Route("read the EHCP", "get", "/api/people/{person}/education/ehcp"),
    Route("record the EHCP", "put", "/api/people/{person}/education/ehcp", body=lambda world: {"status": "no"}),
    Route("list events", "get", "/api/people/{person}/education/events"),
    Route(
        "add an event",
        "post",
        "/api/people/{person}/education/events",
        body=lambda world: {"kind": "attendance_concern", "starts_on": days_ago(5)},
    ),
    Route(
        "change an event",
        "put",
        "/api/people/{person}/education/events/{event}",
        body=lambda world: {"kind": "part_time_timetable", "starts_on": days_ago(6), "version": 1},
    ),
]


@pytest.fixture
def world(person) -> World:
    setting = EducationSetting.objects.create(person=person, **setting_body())
    Ehcp.objects.create(person=person, status="in_assessment")
    event = EducationEvent.objects.create(person=person, kind="attendance_concern", starts_on=days_ago(20))
    return World(person=person, setting=setting, event=event)


def unchanged() -> tuple:
    return list(EducationSetting.objects.values()), list(Ehcp.objects.values()), list(EducationEvent.objects.values())


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_education_route(service, make_user, world, route):
    before = unchanged()
    assert route.call(Api(make_user(service, Role.COMMISSIONER)), world).status_code == 403
    assert unchanged() == before


@route_params(ROUTES)
def test_another_services_people_are_not_found(other_service, make_user, world, route):
    before = unchanged()
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert unchanged() == before


def test_a_setting_is_not_reached_through_another_person(api, service, coordinator_user, add_person, world):
    someone_else = add_person(service, coordinator_user)
    path = f"/api/people/{someone_else.pk}/education/settings/{world.setting.pk}"
    assert api.put(path, setting_body(version=1)).status_code == 404


def test_the_route_table_covers_every_education_route():
    assert uncovered(router, ROUTES, "/api/people") == set()


@route_params(ROUTES)
def test_each_route_needs_view_people_to_read_and_edit_person_to_write(route):
    needed = Permission.VIEW_PEOPLE if route.method == "get" else Permission.EDIT_PERSON
    assert guard_of(router, route, "/api/people") == needed
