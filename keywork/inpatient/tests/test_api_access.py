"""Who may reach the inpatient routes of the JSON API: commissioners only the census, everyone only
their own service, and keyworkers only the people allocated to them."""

import datetime

import pytest

from keywork.accounts.models import Role
from keywork.testing.api import Api, Route, World, created, route_params
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate

from .test_api import admission_body, discharge_body, row_counts

D = datetime.date


def legal_status_body(world) -> dict:
    return {"status": "s3", "effective_on": days_ago(3)}


ROUTES = [
    Route("list admissions", "get", "/api/admissions"),
    Route("record an admission", "post", "/api/admissions", body=lambda world: admission_body(world.person)),
    Route("record a discharge", "post", "/api/admissions/{admission}/discharge", body=lambda world: discharge_body()),
    Route("change the legal status", "post", "/api/admissions/{admission}/legal-status", body=legal_status_body),
    Route("list inpatients", "get", "/api/inpatients"),
]
RECORD_ROUTES = [route for route in ROUTES if route.method == "post"]


@pytest.fixture
def world(someone, admit) -> World:
    """A person not in hospital, and an inpatient admitted 10 days ago."""
    inpatient = someone(1, given_name="Confidential")
    return World(
        person=someone(0, given_name="Confidential"), inpatient=inpatient, admission=admit(inpatient, days_ago(10))
    )


@pytest.fixture
def keyworker(service, make_user):
    return make_user(service, Role.KEYWORKER)


# Commissioners ------------------------------------------------------------------------------------


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_inpatient_route(api_as, world, route):
    before = row_counts()

    response = route.call(api_as(Role.COMMISSIONER), world)

    assert response.status_code == 403
    assert b"Confidential" not in response.content
    assert row_counts() == before


def test_a_commissioner_may_read_the_census(api_as, world):
    response = api_as(Role.COMMISSIONER).get("/api/census", start=days_ago(40).isoformat())

    assert response.status_code == 200, response.content
    assert response.json()[-1]["count"] == "*"


# Other services -----------------------------------------------------------------------------------


@route_params(RECORD_ROUTES)
def test_the_records_of_another_service_are_not_found(other_service, make_user, world, route):
    before = row_counts()

    response = route.call(Api(make_user(other_service, Role.ADMIN)), world)

    assert response.status_code == 404
    assert b"Confidential" not in response.content
    assert row_counts() == before


def test_another_services_admissions_are_not_listed(other_service, make_user, world):
    api = Api(make_user(other_service, Role.ADMIN))

    assert api.get("/api/admissions").json() == []
    assert api.get("/api/admissions", person_id=world.inpatient.pk).json() == []


def test_another_services_inpatients_are_not_listed(other_service, make_user, world):
    response = Api(make_user(other_service, Role.ADMIN)).get("/api/inpatients")

    assert response.status_code == 200
    assert response.json() == []


def test_another_services_census_does_not_count_these_admissions(other_service, make_user, world):
    response = Api(make_user(other_service, Role.ADMIN)).get("/api/census", start=days_ago(0).isoformat())

    assert [month["count"] for month in response.json()] == [0]


# Keyworkers ---------------------------------------------------------------------------------------


@route_params(RECORD_ROUTES)
def test_a_keyworker_gets_not_found_for_a_person_not_allocated_to_them(world, keyworker, route):
    before = row_counts()

    response = route.call(Api(keyworker), world)

    assert response.status_code == 404
    assert row_counts() == before


def test_a_keyworker_does_not_see_inpatients_not_allocated_to_them(world, keyworker):
    assert Api(keyworker).get("/api/inpatients").json() == []


def test_a_keyworker_may_record_an_admission_for_a_person_allocated_to_them(world, keyworker):
    allocate(world.person, keyworker)

    response = Api(keyworker).post("/api/admissions", admission_body(world.person))

    assert created(response)["person_id"] == world.person.pk


def test_a_keyworker_may_record_the_discharge_of_a_person_allocated_to_them(world, keyworker):
    allocate(world.inpatient, keyworker)

    response = Api(keyworker).post(f"/api/admissions/{world.admission.pk}/discharge", discharge_body())

    assert response.status_code == 200, response.content
    assert response.json()["discharged_on"] == days_ago(2).isoformat()
    world.admission.refresh_from_db()
    assert world.admission.discharged_on == days_ago(2)


def test_a_keyworker_sees_only_the_inpatients_allocated_to_them(
    world, keyworker, admit, service, coordinator_user, add_person
):
    other = add_person(service, coordinator_user, referral_date=D(2024, 1, 10), date_of_birth=D(2011, 1, 1))
    admit(other, days_ago(4))
    allocate(world.inpatient, keyworker)

    rows = Api(keyworker).get("/api/inpatients").json()

    assert [row["admission"]["person_id"] for row in rows] == [world.inpatient.pk]
