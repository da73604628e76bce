"""Who may reach the people routes of the JSON API: bearer tokens, every role against every route,
answers that are never a server error, and the published schema."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from keywork.accounts.models import ApiToken, Role
from keywork.accounts.permissions import Permission
from keywork.register.api import router
from keywork.register.tests.test_api_people import person_body, row_counts
from keywork.testing.api import Api, Route, World, declared_operations, required_permission, route_params
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate
from keywork.testing.roles import GRANTED_TO


def rating_body(world) -> dict:
    return {"rating": "red", "effective_on": TODAY.isoformat(), "reason": "Crisis"}


def edit_body(world) -> dict:
    return {"version": world.person.version, "preferred_name": "Bobby"}


ROUTES = [
    Route("list people", "get", "/api/people", Permission.VIEW_PEOPLE),
    Route("add a person", "post", "/api/people", Permission.ADD_PERSON, 201, lambda world: person_body()),
    Route("read a person", "get", "/api/people/{person}", Permission.VIEW_PEOPLE, router_path="/{int:person_id}"),
    Route("edit a person", "patch", "/api/people/{person}", Permission.EDIT_PERSON, 200, edit_body, "/{int:person_id}"),
    Route(
        "read ratings",
        "get",
        "/api/people/{person}/ratings",
        Permission.VIEW_PEOPLE,
        router_path="/{int:person_id}/ratings",
    ),
    Route(
        "rate a person",
        "post",
        "/api/people/{person}/ratings",
        Permission.CHANGE_RATING,
        201,
        rating_body,
        "/{int:person_id}/ratings",
    ),
]
ADD_A_PERSON = next(route for route in ROUTES if route.name == "add a person")
OTHER_ROUTES = [route for route in ROUTES if route is not ADD_A_PERSON]
PERSON_ROUTES = [route for route in ROUTES if "{person}" in route.path]


@pytest.fixture
def person(service, make_user, add_person):
    return add_person(service, make_user(service, Role.COORDINATOR), given_name="Confidential")


@pytest.fixture
def world(person) -> World:
    return World(person=person)


@pytest.fixture
def keyworker(service, make_user):
    return make_user(service, Role.KEYWORKER)


# Tokens -------------------------------------------------------------------------------------------


@route_params(ROUTES)
def test_it_refuses_a_request_without_a_token_on_every_route(world, route):
    before = row_counts()

    response = route.call(Api(), world)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Bearer" in response.json()["detail"]
    assert b"Confidential" not in response.content
    assert row_counts() == before


def test_it_refuses_a_token_it_never_issued(client, service, make_user, api_for):
    api_for(make_user(service, Role.COORDINATOR))  # a real token exists, but is not the one sent

    response = client.get("/api/people", HTTP_AUTHORIZATION="Bearer kw_not-a-token-we-issued")

    assert response.status_code == 401
    assert response.json()["detail"]


def test_it_refuses_a_token_sent_with_another_scheme(client, service, make_user):
    _, token = ApiToken.issue(make_user(service, Role.COORDINATOR), "test")

    response = client.get("/api/people", HTTP_AUTHORIZATION=f"Token {token}")

    assert response.status_code == 401


def test_it_refuses_a_revoked_token(client, service, make_user):
    issued, token = ApiToken.issue(make_user(service, Role.COORDINATOR), "test")
    assert client.get("/api/people", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    issued.revoked_at = timezone.now()
    issued.save()

    response = client.get("/api/people", HTTP_AUTHORIZATION=f"Bearer {token}")

    assert response.status_code == 401


def test_it_refuses_the_token_of_a_deactivated_user(client, service, make_user, api_for):
    user = make_user(service, Role.COORDINATOR)
    headers = api_for(user)
    user.is_active = False
    user.save()

    assert client.get("/api/people", **headers).status_code == 401


def test_it_refuses_the_token_of_a_user_with_no_service(client, service, make_user, api_for):
    user = make_user(service, Role.ADMIN)
    user.service = None
    user.save()

    assert client.get("/api/people", **api_for(user)).status_code == 401


def test_the_create_api_token_command_prints_a_token_that_works(client, service, make_user, person):
    user = make_user(service, Role.COORDINATOR)
    out = StringIO()

    call_command("create_api_token", user.username, "--name", "reporting script", stdout=out)

    token = out.getvalue().strip()
    response = client.get("/api/people", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["items"]] == [person.pk]
    stored = ApiToken.objects.get(user=user)
    assert stored.name == "reporting script" and token not in stored.token_hash


def test_the_create_api_token_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="nobody"):
        call_command("create_api_token", "nobody", stdout=StringIO())
    assert not ApiToken.objects.exists()


# Roles --------------------------------------------------------------------------------------------


def test_the_role_table_covers_every_register_route():
    assert set(declared_operations(router)) == {(route.router_path, route.method) for route in ROUTES}


@route_params(ROUTES)
def test_each_route_is_guarded_by_the_permission_it_should_need(route):
    assert required_permission(router, route) == route.permission


@pytest.mark.parametrize("role", Role.values)
@route_params(ROUTES)
def test_each_role_is_refused_exactly_the_routes_its_permissions_do_not_grant(
    service, make_user, person, world, role, route
):
    user = make_user(service, role)
    if role == Role.KEYWORKER:
        # Keyworkers reach only the people allocated to them (tested below): this tests the guard alone.
        allocate(person, user)
    api = Api(user)
    before = row_counts()

    response = route.call(api, world)

    if role in GRANTED_TO[route.permission]:
        assert response.status_code == route.success, response.content
    else:
        assert response.status_code == 403, response.content
        assert route.permission in response.json()["detail"]
        assert row_counts() == before


@route_params(ROUTES)
def test_a_commissioner_cannot_reach_any_people_route(api_as, person, world, route):
    before = row_counts()

    response = route.call(api_as(Role.COMMISSIONER), world)

    assert response.status_code == 403
    assert b"Confidential" not in response.content and person.nhs_number.encode() not in response.content
    assert row_counts() == before


# What each route answers a keyworker about the person allocated to them (saved, for the writes).
KEYWORKER_ANSWERS = {
    "list people": lambda answer, person: [item["id"] for item in answer["items"]] == [person.pk],
    "read a person": lambda answer, person: answer["nhs_number"] == person.nhs_number,
    "edit a person": lambda answer, person: answer["preferred_name"] == person.preferred_name == "Bobby",
    "read ratings": lambda answer, person: [entry["rating"] for entry in answer] == [person.rating],
    "rate a person": lambda answer, person: answer["rating"] == person.rating == "red",
}


@route_params(OTHER_ROUTES)
def test_a_keyworker_can_list_read_edit_and_rate_a_person_allocated_to_them(keyworker, person, world, route):
    allocate(person, keyworker)

    response = route.call(Api(keyworker), world)

    assert response.status_code == route.success, response.content
    person.refresh_from_db()
    assert KEYWORKER_ANSWERS[route.name](response.json(), person)


def test_a_keyworker_cannot_add_a_person_to_the_register(keyworker, world):
    before = row_counts()

    response = ADD_A_PERSON.call(Api(keyworker), world)

    assert response.status_code == 403
    assert row_counts() == before


def test_a_keyworker_lists_only_the_people_allocated_to_them(service, make_user, keyworker, person, add_person):
    allocate(person, keyworker)
    coordinator = make_user(service, Role.COORDINATOR)
    allocate(add_person(service, coordinator), make_user(service, Role.KEYWORKER))
    add_person(service, coordinator)  # allocated to nobody

    response = Api(keyworker).get("/api/people")

    assert [item["id"] for item in response.json()["items"]] == [person.pk]


@route_params(PERSON_ROUTES)
def test_a_keyworker_cannot_reach_a_person_not_allocated_to_them(keyworker, person, world, route):
    before = row_counts()

    response = route.call(Api(keyworker), world)

    assert response.status_code == 404
    assert b"Confidential" not in response.content and person.nhs_number.encode() not in response.content
    assert row_counts() == before


def test_a_keyworker_no_longer_reaches_a_person_once_their_allocation_has_ended(keyworker, person):
    allocate(person, keyworker, starts_on=days_ago(30), ends_on=days_ago(1))

    assert Api(keyworker).get(f"/api/people/{person.pk}").status_code == 404


def test_a_keyworker_reaches_everyone_when_the_service_opens_its_whole_register(service, keyworker, person):
    service.keyworkers_see_whole_service = True
    service.save()

    response = Api(keyworker).get(f"/api/people/{person.pk}")

    assert response.status_code == 200
    assert response.json()["nhs_number"] == person.nhs_number


# Never a server error -----------------------------------------------------------------------------


@pytest.fixture
def tolerant(api_as):
    """A coordinator's client that answers a crash with a 500 response, as in production."""
    return api_as(Role.COORDINATOR, tolerant=True)


def _sending(route):
    return route.method != "get"


@pytest.mark.parametrize("route", [r for r in ROUTES if _sending(r)], ids=[r.name for r in ROUTES if _sending(r)])
@pytest.mark.parametrize("body", ['{"given_name": "Robin",', "not json at all", "[1, 2, 3]", '"a string"'])
def test_a_body_that_is_not_a_json_object_is_refused_with_a_json_client_error(tolerant, world, route, body):
    before = row_counts()

    response = tolerant.send(route.method, route.url(world), body)

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json")
    assert row_counts() == before


@pytest.mark.parametrize("path", ["/api/people/abc", "/api/people/abc/ratings", "/api/people/1.5", "/api/people/-1"])
def test_an_id_that_is_not_a_whole_number_is_not_found_rather_than_a_crash(tolerant, path):
    response = tolerant.get(path)

    assert response.status_code in (404, 422)


@pytest.mark.parametrize("path", ["/api/people/99999999999999999999", "/api/people/99999999999999999999/ratings"])
def test_an_id_too_large_for_the_database_is_not_found(tolerant, path):
    response = tolerant.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize("field", ["preferred_name", "gender_identity", "communication_needs"])
def test_editing_an_optional_text_field_to_null_is_not_a_server_error(tolerant, person, field):
    response = tolerant.patch(f"/api/people/{person.pk}", {"version": person.version, field: None})

    assert response.status_code in (200, 422), response.content


# The schema ---------------------------------------------------------------------------------------


def test_the_openapi_schema_lists_the_people_routes(manager):
    response = manager.http.get("/api/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/people", "/api/people/{person_id}", "/api/people/{person_id}/ratings"} <= set(paths)
    assert set(paths["/api/people"]) >= {"get", "post"}
    assert set(paths["/api/people/{person_id}"]) >= {"get", "patch"}
    assert set(paths["/api/people/{person_id}/ratings"]) >= {"get", "post"}
