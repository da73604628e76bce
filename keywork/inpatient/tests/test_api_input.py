"""Bad input on the admission routes of the JSON API: refused, named by field, and nothing changed
(no admission, legal status or rating written)."""

import pytest

from keywork.inpatient.models import Admission
from keywork.testing.api import created, errors
from keywork.testing.dates import days_ago

from .test_api import admission_body, discharge_body, rating_now, row_counts


@pytest.fixture
def discharged_30_days_ago(api, person):
    stay = {"admitted_on": days_ago(60), "discharged_on": days_ago(30), "discharge_destination": "Family home"}
    return created(api.post("/api/admissions", admission_body(person, **stay)))


@pytest.fixture
def admission(api, person) -> dict:
    """In hospital since 10 days ago."""
    return created(api.post("/api/admissions", admission_body(person)))


def test_a_discharge_before_the_admission_is_refused(api, person, admission):
    before = row_counts()

    response = api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(11)))

    assert "on or after the admission date" in errors(response)["discharged_on"][0]
    assert row_counts() == before
    assert Admission.objects.get().discharged_on is None
    assert rating_now(api, person) == "blue"


def test_a_caught_up_stay_discharged_before_its_admission_is_refused(api, person):
    before = row_counts()
    stay = {"admitted_on": days_ago(10), "discharged_on": days_ago(12), "discharge_destination": "Family home"}

    response = api.post("/api/admissions", admission_body(person, **stay))

    assert "discharged_on" in errors(response)
    assert row_counts() == before
    assert rating_now(api, person) == "amber"


def test_an_admission_overlapping_another_of_the_same_person_is_refused(api, person, admission):
    before = row_counts()

    response = api.post("/api/admissions", admission_body(person, hospital="Elmstead Unit", admitted_on=days_ago(5)))

    assert "overlaps the admission to Fernbrook Hospital" in errors(response)["admitted_on"][0]
    assert row_counts() == before


def test_a_caught_up_stay_overlapping_a_later_admission_is_refused(api, person, admission):
    before = row_counts()
    stay = {"admitted_on": days_ago(20), "discharged_on": days_ago(9), "discharge_destination": "Family home"}

    response = api.post("/api/admissions", admission_body(person, **stay))

    assert "admitted_on" in errors(response)
    assert row_counts() == before


def test_a_same_day_transfer_to_another_hospital_is_accepted(api, person, admission):
    api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(4)))

    created(api.post("/api/admissions", admission_body(person, hospital="Elmstead Unit", admitted_on=days_ago(4))))

    assert rating_now(api, person) == "blue"


def test_discharging_an_admission_already_discharged_is_refused(api, person, admission):
    api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(3)))
    before = row_counts()

    response = api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(1)))

    assert "already ended" in errors(response)["discharged_on"][0]
    assert row_counts() == before
    assert Admission.objects.get().discharged_on == days_ago(3)


def test_a_discharge_without_a_destination_is_refused(api, person, admission):
    before = row_counts()

    response = api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharge_destination=" "))

    assert "discharge_destination" in errors(response)
    assert row_counts() == before
    assert Admission.objects.get().discharged_on is None


def test_a_legal_status_dated_before_the_admission_is_refused(api, person, admission):
    before = row_counts()

    response = api.post(
        f"/api/admissions/{admission['id']}/legal-status", {"status": "s3", "effective_on": days_ago(11)}
    )

    assert "before the admission" in errors(response)["effective_on"][0]
    assert row_counts() == before


def test_a_legal_status_dated_after_the_discharge_is_refused(api, person, discharged_30_days_ago):
    before = row_counts()

    response = api.post(
        f"/api/admissions/{discharged_30_days_ago['id']}/legal-status", {"status": "s3", "effective_on": days_ago(29)}
    )

    assert "after the discharge" in errors(response)["effective_on"][0]
    assert row_counts() == before


def test_a_legal_status_dated_in_the_future_is_refused(api, person, admission):
    before = row_counts()

    response = api.post(
        f"/api/admissions/{admission['id']}/legal-status", {"status": "s3", "effective_on": days_ago(-3)}
    )

    assert "effective_on" in errors(response)
    assert row_counts() == before


def test_a_change_of_legal_status_is_recorded_on_the_admission(api, person, admission):
    created(api.post(f"/api/admissions/{admission['id']}/legal-status", {"status": "s3", "effective_on": days_ago(3)}))

    (listed,) = api.get("/api/admissions", person_id=person.pk).json()
    assert [(c["status"], c["effective_on"]) for c in listed["legal_status_changes"]] == [
        ("s3", days_ago(3).isoformat()),
        ("s2", days_ago(10).isoformat()),
    ]


def test_an_admission_dated_in_the_future_is_refused(api, person):
    before = row_counts()

    response = api.post("/api/admissions", admission_body(person, admitted_on=days_ago(-1)))

    assert "today or in the past" in errors(response)["admitted_on"][0]
    assert row_counts() == before
    assert rating_now(api, person) == "amber"


def test_a_discharge_dated_in_the_future_is_refused(api, person, admission):
    before = row_counts()

    response = api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(-1)))

    assert "today or in the past" in errors(response)["discharged_on"][0]
    assert row_counts() == before


def test_an_unknown_type_of_unit_is_refused_by_name(api, person):
    before = row_counts()

    response = api.post("/api/admissions", admission_body(person, unit_type="seclusion_suite"))

    assert "unit_type" in errors(response)
    assert row_counts() == before
