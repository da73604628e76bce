"""Bad input to the keyworking routes of the JSON API is a client error in JSON, never a server
error: bodies that are not objects, missing or mistyped fields, unknown ids, text too long for
its column, and characters the database cannot store."""

import pytest

from keywork.accounts.models import Role
from keywork.testing.api import Api, route_params

from .test_api_support import ROUTES, build_world, saved_counts

SENDING = [route for route in ROUTES if route.method != "get"]
CREATING = [route for route in SENDING if route.success == 201]
TOO_LARGE = 99999999999999999999


@pytest.fixture
def world(service, person, manager):
    return build_world(service, person, manager.user)


@pytest.fixture
def tolerant(service, make_user):
    """An administrator's client that answers a crash with a 500 response, as in production."""
    return Api(make_user(service, Role.ADMIN), tolerant=True)


def client_error(response) -> dict:
    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/json"), response.content
    return response.json()


@route_params(SENDING)
@pytest.mark.parametrize("body", ['{"person_id": 1,', "not json at all", "[1, 2, 3]", '"a string"', "null"])
def test_a_body_that_is_not_a_json_object_is_refused_with_a_json_client_error(tolerant, world, route, body):
    before = saved_counts()

    client_error(tolerant.send(route.method, route.url(world), body))

    assert saved_counts() == before


@route_params(CREATING + [r for r in SENDING if r.name in ("decide a referral", "close keywork", "end an allocation")])
def test_an_empty_body_is_refused_naming_a_missing_field(tolerant, world, route):
    before = saved_counts()

    response = tolerant.send(route.method, route.url(world), {})

    assert response.status_code == 422, response.content
    assert response.json()["errors"]
    assert saved_counts() == before


@route_params(SENDING)
def test_every_field_sent_as_null_is_a_client_error_or_ignored(tolerant, world, route):
    body = dict.fromkeys(route.body(world))

    response = tolerant.send(route.method, route.url(world), body)

    assert response.status_code in (200, 422), response.content


@route_params(SENDING)
def test_every_field_sent_with_the_wrong_type_is_refused(tolerant, world, route):
    before = saved_counts()
    body = {name: {"nested": [value]} for name, value in route.body(world).items()}

    response = tolerant.send(route.method, route.url(world), body)

    assert response.status_code == 422, response.content
    assert set(route.body(world)) <= set(response.json()["errors"])
    assert saved_counts() == before


CHOICES = [
    ("add a referral", "route"),
    ("decide a referral", "decision"),
    ("close keywork", "closing_reason"),
    ("add a professional", "agency_type"),
    ("record a contact", "contact_type"),
    ("record an escalation", "level"),
]


@pytest.mark.parametrize(("name", "field"), CHOICES, ids=[f"{name}: {field}" for name, field in CHOICES])
def test_a_value_outside_a_fixed_list_is_refused_naming_the_field(tolerant, world, name, field):
    route = next(route for route in ROUTES if route.name == name)
    before = saved_counts()

    response = tolerant.send(route.method, route.url(world), route.body(world) | {field: "teleport"})

    assert field in client_error(response)["errors"]
    assert saved_counts() == before


DATES = [
    ("add a referral", "received_on"),
    ("decide a referral", "decided_on"),
    ("close keywork", "closed_on"),
    ("allocate a worker", "starts_on"),
    ("end an allocation", "ends_on"),
    ("record a contact", "occurred_at"),
    ("record an escalation", "response_due_on"),
    ("update an escalation", "resolved_on"),
]


@pytest.mark.parametrize(("name", "field"), DATES, ids=[f"{name}: {field}" for name, field in DATES])
@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "10000-01-01", "0000-00-00"])
def test_a_date_that_is_not_a_date_is_refused_naming_the_field(tolerant, world, name, field, value):
    route = next(route for route in ROUTES if route.name == name)
    before = saved_counts()

    response = tolerant.send(route.method, route.url(world), route.body(world) | {field: value})

    assert field in client_error(response)["errors"]
    assert saved_counts() == before


IDS = [
    ("add a referral", "person_id"),
    ("allocate a worker", "person_id"),
    ("allocate a worker", "worker_id"),
    ("add an involvement", "person_id"),
    ("add an involvement", "professional_id"),
    ("record a contact", "person_id"),
    ("save a plan", "person_id"),
    ("record an escalation", "person_id"),
]


@pytest.mark.parametrize(("name", "field"), IDS, ids=[f"{name}: {field}" for name, field in IDS])
@pytest.mark.parametrize("value", [0, -1, 987654, TOO_LARGE])
def test_an_id_in_the_body_that_names_nothing_is_a_client_error(tolerant, world, name, field, value):
    route = next(route for route in ROUTES if route.name == name)
    before = saved_counts()

    response = tolerant.send(route.method, route.url(world), route.body(world) | {field: value})

    assert response.status_code in (404, 422), response.content
    assert saved_counts()["Referral"] == before["Referral"] and saved_counts()["Allocation"] == before["Allocation"]


@pytest.mark.parametrize("field", ["worker_ids", "professional_ids"])
@pytest.mark.parametrize("value", [0, 987654, TOO_LARGE])
def test_a_contact_naming_a_worker_or_professional_that_does_not_exist_is_a_client_error(tolerant, world, field, value):
    route = next(route for route in ROUTES if route.name == "record a contact")
    before = saved_counts()

    response = tolerant.post("/api/contacts", route.body(world) | {field: [value]})

    assert response.status_code in (404, 422), response.content
    assert saved_counts() == before


def test_a_follow_up_owner_that_does_not_exist_is_refused_naming_it(tolerant, world):
    route = next(route for route in ROUTES if route.name == "record a contact")
    body = route.body(world)
    body["follow_ups"][0]["owner_id"] = TOO_LARGE

    response = tolerant.post("/api/contacts", body)

    assert "follow_ups.0.owner_id" in client_error(response)["errors"]


RECORD_ROUTES = [route for route in ROUTES if "{person}" not in route.path and "{" in route.path]


@route_params(RECORD_ROUTES)
@pytest.mark.parametrize("record_id", [987654, TOO_LARGE])
def test_a_path_id_that_names_no_record_is_not_found(tolerant, world, route, record_id):
    before = saved_counts()
    path = route.path.format(**dict.fromkeys(world.ids, record_id))

    response = tolerant.send(route.method, path, route.body(world))

    assert response.status_code == 404, response.content
    assert saved_counts() == before


@route_params(RECORD_ROUTES)
@pytest.mark.parametrize("record_id", ["abc", "-1", "1.5", "1e3"])
def test_a_path_id_that_is_not_a_whole_number_is_not_found(tolerant, world, route, record_id):
    path = route.path.format(**dict.fromkeys(world.ids, record_id))

    assert tolerant.send(route.method, path, route.body(world)).status_code == 404


QUERIES = [
    ("/api/referrals", "person_id"),
    ("/api/allocations", "person_id"),
    ("/api/allocations", "current"),
    ("/api/involvements", "person_id"),
    ("/api/escalations", "person_id"),
    ("/api/escalations", "open"),
]


@pytest.mark.parametrize(("path", "name"), QUERIES, ids=[f"{path}?{name}" for path, name in QUERIES])
@pytest.mark.parametrize("value", ["abc", "1.5", "perhaps", ""])
def test_a_query_value_of_the_wrong_type_is_refused_naming_it(tolerant, world, path, name, value):
    response = tolerant.get(path, **{name: value})

    if value == "" and name != "person_id":
        assert response.status_code in (200, 422), response.content
    else:
        assert name in client_error(response)["errors"]


@pytest.mark.parametrize("path", ["/api/referrals", "/api/allocations", "/api/involvements", "/api/escalations"])
@pytest.mark.parametrize("person_id", [987654, -1, 2**63, TOO_LARGE])
def test_a_list_filtered_by_a_person_id_that_names_nobody_is_empty(tolerant, world, path, person_id):
    response = tolerant.get(path, person_id=person_id)

    assert response.status_code in (200, 422), response.content
    if response.status_code == 200:
        assert response.json() == []


@pytest.mark.parametrize("path", ["/api/contacts", "/api/plans"])
@pytest.mark.parametrize("query", [{}, {"person_id": "abc"}, {"person_id": TOO_LARGE}])
def test_a_list_of_one_persons_records_without_a_person_it_can_find_is_a_client_error(tolerant, path, query):
    response = tolerant.get(path, **query)

    assert response.status_code in (404, 422), response.content


BOUNDED = [
    ("add a referral", "referrer_name", 200),
    ("add a referral", "referrer_organisation", 200),
    ("add a professional", "name", 200),
    ("add a professional", "phone", 30),
    ("add an involvement", "role_for_person", 200),
    ("record a contact", "family_present", 300),
    ("record an escalation", "escalated_to", 200),
]


@pytest.mark.parametrize(("name", "field", "limit"), BOUNDED, ids=[f"{n}: {f}" for n, f, _ in BOUNDED])
def test_text_longer_than_its_column_is_refused_naming_the_field(tolerant, world, name, field, limit):
    route = next(route for route in ROUTES if route.name == name)
    before = saved_counts()

    response = tolerant.send(route.method, route.url(world), route.body(world) | {field: "x" * (limit + 1)})

    assert field in client_error(response)["errors"]
    assert saved_counts() == before


def test_a_follow_up_owner_name_longer_than_its_column_is_refused_naming_it(tolerant, world):
    route = next(route for route in ROUTES if route.name == "record a contact")
    body = route.body(world)
    body["follow_ups"][0]["owner_name"] = "x" * 201

    assert "follow_ups.0.owner_name" in client_error(tolerant.post("/api/contacts", body))["errors"]


@pytest.mark.parametrize("value", [24 * 60 + 1, 2**31, TOO_LARGE])
def test_a_contact_duration_too_large_is_refused_naming_it(tolerant, world, value):
    route = next(route for route in ROUTES if route.name == "record a contact")

    response = tolerant.post("/api/contacts", route.body(world) | {"duration_minutes": value})

    assert "duration_minutes" in client_error(response)["errors"]


@pytest.mark.parametrize("value", [-1, 2**31, TOO_LARGE])
def test_a_plan_based_on_an_impossible_version_is_a_client_error(tolerant, world, value):
    route = next(route for route in ROUTES if route.name == "save a plan")
    before = saved_counts()

    response = tolerant.post("/api/plans", route.body(world) | {"based_on_version": value})

    client_error(response)
    assert saved_counts()["SupportPlan"] == before["SupportPlan"]


TEXT = [
    ("add a referral", "reason"),
    ("decide a referral", "decision_reason"),
    ("add a professional", "name"),
    ("record a contact", "notes"),
    ("save a plan", "what_helps"),
    ("record an escalation", "issue"),
    ("update an escalation", "response"),
]


@pytest.mark.parametrize(("name", "field"), TEXT, ids=[f"{name}: {field}" for name, field in TEXT])
def test_a_nul_character_in_text_is_not_a_server_error(tolerant, world, name, field):
    """PostgreSQL cannot store U+0000 in text: the API must refuse it (or store it elsewhere)."""
    route = next(route for route in ROUTES if route.name == name)

    response = tolerant.send(route.method, route.url(world), route.body(world) | {field: "before\x00after"})

    assert response.status_code < 500, response.content
