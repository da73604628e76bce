"""Who may reach the C(E)TR routes of the JSON API: never commissioners, everyone only their own
service, and keyworkers only the people allocated to them."""

from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from keywork.accounts.models import Role
from keywork.register.tests.test_api_access import allocate
from keywork.reviews.models import Review
from keywork.testing.api import Api

from .test_api import action_body, add_action, add_person_with, days_ago, review_body, row_counts

PDF = b"%PDF-1.4\n%%EOF\n"


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str  # {review} and {action} stand for the world's review and action ids

    def call(self, client, headers, world):
        path = self.path.format(review=world.review.pk, action=world.action.pk)
        api = Api(**headers)
        if self.method == "get":
            return api.get(path)
        if self.method == "patch":
            return api.patch(path, {"status": "done", "evidence": "Report received"})
        if self.name == "upload a report":
            return client.post(path, {"report": SimpleUploadedFile("report.pdf", PDF)}, **headers)
        if self.name == "add an action":
            return api.post(path, action_body())
        return api.post(path, review_body(world.person))


ROUTES = [
    Route("list reviews", "get", "/api/reviews"),
    Route("add a review", "post", "/api/reviews"),
    Route("upload a report", "post", "/api/reviews/{review}/report"),
    Route("list actions", "get", "/api/actions"),
    Route("add an action", "post", "/api/reviews/{review}/actions"),
    Route("update an action", "patch", "/api/actions/{action}"),
]
RECORD_ROUTES = [route for route in ROUTES if route.method != "get"]
route_params = pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
record_route_params = pytest.mark.parametrize("route", RECORD_ROUTES, ids=[route.name for route in RECORD_ROUTES])


@dataclass
class World:
    person: object
    review: Review
    action: object


@pytest.fixture
def world(service, make_user, add_person) -> World:
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


@route_params
def test_a_commissioner_is_refused_every_review_route(client, service, make_user, api_for, world, route):
    before = unchanged(world)

    response = route.call(client, api_for(make_user(service, Role.COMMISSIONER)), world)

    assert response.status_code == 403
    assert b"Confidential" not in response.content
    assert unchanged(world) == before


# Other services -----------------------------------------------------------------------------------


@record_route_params
def test_the_records_of_another_service_are_not_found(client, other_service, make_user, api_for, world, route):
    before = unchanged(world)

    response = route.call(client, api_for(make_user(other_service, Role.ADMIN)), world)

    assert response.status_code == 404
    assert b"Confidential" not in response.content
    assert unchanged(world) == before


def test_another_services_reviews_are_not_listed(client, other_service, make_user, api_for, world):
    api = Api(**api_for(make_user(other_service, Role.ADMIN)))

    assert api.get("/api/reviews").json() == []
    assert api.get("/api/reviews", person_id=world.person.pk).json() == []


def test_another_services_overdue_actions_are_not_listed(client, other_service, make_user, api_for, world):
    response = Api(**api_for(make_user(other_service, Role.ADMIN))).get("/api/actions", overdue="true")

    assert response.status_code == 200
    assert response.json() == []


# Keyworkers ---------------------------------------------------------------------------------------


@pytest.fixture
def keyworker(service, make_user):
    return make_user(service, Role.KEYWORKER)


@record_route_params
def test_a_keyworker_gets_not_found_for_a_person_not_allocated_to_them(client, api_for, world, keyworker, route):
    before = unchanged(world)

    response = route.call(client, api_for(keyworker), world)

    assert response.status_code == 404
    assert unchanged(world) == before


def test_a_keyworker_does_not_see_the_actions_of_people_not_allocated_to_them(client, api_for, world, keyworker):
    assert Api(**api_for(keyworker)).get("/api/actions").json() == []


@record_route_params
def test_a_keyworker_may_use_each_route_for_a_person_allocated_to_them(client, api_for, world, keyworker, route):
    allocate(world.person, keyworker)

    response = route.call(client, api_for(keyworker), world)

    assert response.status_code in (200, 201), response.content


def test_a_keyworker_sees_the_overdue_actions_of_people_allocated_to_them(client, api_for, world, keyworker):
    allocate(world.person, keyworker)

    response = Api(**api_for(keyworker)).get("/api/actions", overdue="true")

    assert [item["id"] for item in response.json()] == [world.action.pk]
