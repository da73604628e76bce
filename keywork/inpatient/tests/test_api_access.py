"""Who may reach the inpatient routes of the JSON API: commissioners only the census, everyone only
their own service, and keyworkers only the people allocated to them."""

import datetime
from dataclasses import dataclass

import pytest

from keywork.accounts.models import Role
from keywork.register.tests.test_api_access import allocate
from keywork.register.tests.test_api_people import ApiClient

from .test_api import admission_body, created, days_ago, discharge_body, row_counts

D = datetime.date


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str  # {admission} stands for the inpatient's admission id

    def call(self, api, world):
        path = self.path.format(admission=world.admission.pk)
        if self.method == "get":
            return api.get(path)
        return api.post(path, self.body(world))

    def body(self, world) -> dict:
        if self.name == "record an admission":
            return admission_body(world.person)
        if self.name == "record a discharge":
            return discharge_body()
        return {"status": "s3", "effective_on": days_ago(3)}


ROUTES = [
    Route("list admissions", "get", "/api/admissions"),
    Route("record an admission", "post", "/api/admissions"),
    Route("record a discharge", "post", "/api/admissions/{admission}/discharge"),
    Route("change the legal status", "post", "/api/admissions/{admission}/legal-status"),
    Route("list inpatients", "get", "/api/inpatients"),
]
RECORD_ROUTES = [route for route in ROUTES if route.method == "post"]


@dataclass
class World:
    person: object  # not in hospital
    inpatient: object  # in hospital since 10 days ago
    admission: object


@pytest.fixture
def world(service, coordinator_user, add_person, admit) -> World:
    def someone(n):
        return add_person(
            service,
            coordinator_user,
            rating="amber",
            given_name="Confidential",
            referral_date=D(2024, 1, 10),
            date_of_birth=D(2010, 3, 3) + datetime.timedelta(days=n),
        )

    inpatient = someone(1)
    return World(person=someone(0), inpatient=inpatient, admission=admit(inpatient, days_ago(10)))


def api_as(client, api_for, user) -> ApiClient:
    return ApiClient(client, api_for(user))


@pytest.fixture
def keyworker(service, make_user):
    return make_user(service, Role.KEYWORKER)


# Commissioners ------------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_a_commissioner_is_refused_every_inpatient_route(client, service, make_user, api_for, world, route):
    before = row_counts()

    response = route.call(api_as(client, api_for, make_user(service, Role.COMMISSIONER)), world)

    assert response.status_code == 403
    assert b"Confidential" not in response.content
    assert row_counts() == before


def test_a_commissioner_may_read_the_census(client, service, make_user, api_for, world):
    response = api_as(client, api_for, make_user(service, Role.COMMISSIONER)).get(
        "/api/census", start=days_ago(40).isoformat()
    )

    assert response.status_code == 200, response.content
    assert response.json()[-1]["count"] == "*"


# Other services -----------------------------------------------------------------------------------


@pytest.mark.parametrize("route", RECORD_ROUTES, ids=[route.name for route in RECORD_ROUTES])
def test_the_records_of_another_service_are_not_found(client, other_service, make_user, api_for, world, route):
    before = row_counts()

    response = route.call(api_as(client, api_for, make_user(other_service, Role.ADMIN)), world)

    assert response.status_code == 404
    assert b"Confidential" not in response.content
    assert row_counts() == before


def test_another_services_admissions_are_not_listed(client, other_service, make_user, api_for, world):
    api = api_as(client, api_for, make_user(other_service, Role.ADMIN))

    assert api.get("/api/admissions").json() == []
    assert api.get("/api/admissions", person_id=world.inpatient.pk).json() == []


def test_another_services_inpatients_are_not_listed(client, other_service, make_user, api_for, world):
    response = api_as(client, api_for, make_user(other_service, Role.ADMIN)).get("/api/inpatients")

    assert response.status_code == 200
    assert response.json() == []


def test_another_services_census_does_not_count_these_admissions(client, other_service, make_user, api_for, world):
    response = api_as(client, api_for, make_user(other_service, Role.ADMIN)).get(
        "/api/census", start=days_ago(0).isoformat()
    )

    assert [month["count"] for month in response.json()] == [0]


# Keyworkers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("route", RECORD_ROUTES, ids=[route.name for route in RECORD_ROUTES])
def test_a_keyworker_gets_not_found_for_a_person_not_allocated_to_them(client, api_for, world, keyworker, route):
    before = row_counts()

    response = route.call(api_as(client, api_for, keyworker), world)

    assert response.status_code == 404
    assert row_counts() == before


def test_a_keyworker_does_not_see_inpatients_not_allocated_to_them(client, api_for, world, keyworker):
    assert api_as(client, api_for, keyworker).get("/api/inpatients").json() == []


def test_a_keyworker_may_record_an_admission_for_a_person_allocated_to_them(client, api_for, world, keyworker):
    allocate(world.person, keyworker)

    response = api_as(client, api_for, keyworker).post("/api/admissions", admission_body(world.person))

    assert created(response)["person_id"] == world.person.pk


def test_a_keyworker_may_record_the_discharge_of_a_person_allocated_to_them(client, api_for, world, keyworker):
    allocate(world.inpatient, keyworker)

    response = api_as(client, api_for, keyworker).post(
        f"/api/admissions/{world.admission.pk}/discharge", discharge_body()
    )

    assert response.status_code == 200, response.content


def test_a_keyworker_sees_only_the_inpatients_allocated_to_them(
    client, api_for, world, keyworker, admit, service, coordinator_user, add_person
):
    other = add_person(service, coordinator_user, referral_date=D(2024, 1, 10), date_of_birth=D(2011, 1, 1))
    admit(other, days_ago(4))
    allocate(world.inpatient, keyworker)

    rows = api_as(client, api_for, keyworker).get("/api/inpatients").json()

    assert [row["admission"]["person_id"] for row in rows] == [world.inpatient.pk]
