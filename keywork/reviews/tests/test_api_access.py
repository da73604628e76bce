"""Who may reach the C(E)TR routes of the JSON API: never commissioners, everyone only their own
service, and keyworkers only the people allocated to them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from keywork.accounts.models import Role
from keywork.reviews.models import Review
from keywork.testing.api import Api, Route, World, route_params
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate

from .test_api import action_body, add_action, add_person_with, review_body, row_counts

PDF = b"%PDF-1.4\n%%EOF\n"


def report_upload(world) -> dict:
    return {"report": SimpleUploadedFile("report.pdf", PDF)}


ROUTES = [
    Route("list reviews", "get", "/api/reviews"),
    Route("add a review", "post", "/api/reviews", body=lambda world: review_body(world.person)),
    Route("upload a report", "upload", "/api/reviews/{review}/report", body=report_upload),
    Route("list actions", "get", "/api/actions"),
    Route("add an action", "post", "/api/reviews/{review}/actions", body=lambda world: action_body()),
    Route(
        "update an action",
        "patch",
        "/api/actions/{action}",
        body=lambda world: {"version": world.action.version, "status": "done", "evidence": "Report received"},
    ),
]
RECORD_ROUTES = [route for route in ROUTES if route.method != "get"]


@pytest.fixture
def world(service, make_user, add_person) -> World:
    """A person with an EHCP, a C(E)TR held 20 days ago, and an action from it due 3 days ago."""
    coordinator = make_user(service, Role.COORDINATOR)
    person = add_person_with(add_person, service, coordinator, ehcp="yes")
    review = Review.objects.create(
        person=person, kind="community", requested_on=days_ago(30), held_on=days_ago(20), recorded_by=coordinator
    )
    return World(person=person, review=review, action=add_action(review, due_on=days_ago(3)))


def unchanged(world) -> tuple:
    world.review.refresh_from_db()
    world.action.refresh_from_db()
    return row_counts(), bool(world.review.report), world.action.status


# Commissioners ------------------------------------------------------------------------------------


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_review_route(service, make_user, world, route):
    before = unchanged(world)

    response = route.call(Api(make_user(service, Role.COMMISSIONER)), world)

    assert response.status_code == 403
    assert b"Confidential" not in response.content
    assert unchanged(world) == before


# Other services -----------------------------------------------------------------------------------


@route_params(RECORD_ROUTES)
def test_the_records_of_another_service_are_not_found(other_service, make_user, world, route):
    before = unchanged(world)

    response = route.call(Api(make_user(other_service, Role.ADMIN)), world)

    assert response.status_code == 404
    assert b"Confidential" not in response.content
    assert unchanged(world) == before


def test_another_services_reviews_are_not_listed(other_service, make_user, world):
    api = Api(make_user(other_service, Role.ADMIN))

    assert api.get("/api/reviews").json() == []
    assert api.get("/api/reviews", person_id=world.person.pk).json() == []


def test_another_services_overdue_actions_are_not_listed(other_service, make_user, world):
    response = Api(make_user(other_service, Role.ADMIN)).get("/api/actions", overdue="true")

    assert response.status_code == 200
    assert response.json() == []


# Keyworkers ---------------------------------------------------------------------------------------


@pytest.fixture
def keyworker(service, make_user):
    return make_user(service, Role.KEYWORKER)


@route_params(RECORD_ROUTES)
def test_a_keyworker_gets_not_found_for_a_person_not_allocated_to_them(world, keyworker, route):
    before = unchanged(world)

    response = route.call(Api(keyworker), world)

    assert response.status_code == 404
    assert unchanged(world) == before


def test_a_keyworker_does_not_see_the_actions_of_people_not_allocated_to_them(world, keyworker):
    assert Api(keyworker).get("/api/actions").json() == []


@route_params(RECORD_ROUTES)
def test_a_keyworker_may_use_each_route_for_a_person_allocated_to_them(world, keyworker, route):
    allocate(world.person, keyworker)

    before = unchanged(world)

    response = route.call(Api(keyworker), world)

    assert response.status_code in (200, 201), response.content
    assert unchanged(world) != before


def test_a_keyworker_sees_the_overdue_actions_of_people_allocated_to_them(world, keyworker):
    allocate(world.person, keyworker)

    response = Api(keyworker).get("/api/actions", overdue="true")

    assert [item["id"] for item in response.json()] == [world.action.pk]
