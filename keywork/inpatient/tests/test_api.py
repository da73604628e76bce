"""The admission routes of the JSON API: the rating set by rule (blue in hospital, red on
discharge), the 14-day rule enforced on the ratings route, and bad input refused with nothing changed."""

import datetime

import pytest

from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.register.models import Person, RatingChange
from keywork.testing.api import created, errors
from keywork.testing.dates import days_ago

D = datetime.date


def admission_body(person, **changes) -> dict:
    """A valid POST /api/admissions body; `changes` replace or add fields."""
    return {
        "person_id": person.pk,
        "hospital": "Fernbrook Hospital",
        "unit": "Willow",
        "unit_type": "picu",
        "distance_miles": 40,
        "admitted_on": days_ago(10),
        "legal_status": "s2",
        **changes,
    }


def discharge_body(**changes) -> dict:
    return {"discharged_on": days_ago(2), "discharge_destination": "Family home", **changes}


def rating_body(rating: str, on: datetime.date) -> dict:
    return {"rating": rating, "effective_on": on, "reason": "DSR meeting"}


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Admission, LegalStatusChange, RatingChange)}


def rating_now(api, person) -> str:
    response = api.get(f"/api/people/{person.pk}")
    assert response.status_code == 200, response.content
    return response.json()["rating"]


def history(api, person) -> list[tuple[str, str]]:
    response = api.get(f"/api/people/{person.pk}/ratings")
    assert response.status_code == 200, response.content
    return [(entry["rating"], entry["effective_on"]) for entry in response.json()]


# The rating set by rule ---------------------------------------------------------------------------


def test_recording_an_admission_rates_the_person_blue(api, person):
    created(api.post("/api/admissions", admission_body(person)))

    assert rating_now(api, person) == "blue"


def test_the_rating_history_records_the_admission_naming_the_hospital(api, person):
    created(api.post("/api/admissions", admission_body(person, admitted_on=days_ago(6))))

    entries = api.get(f"/api/people/{person.pk}/ratings").json()

    admitted = [entry for entry in entries if entry["rating"] == "blue"]
    assert len(admitted) == 1
    assert "Fernbrook Hospital" in admitted[0]["reason"]
    assert admitted[0]["effective_on"] == days_ago(6).isoformat()


def test_the_admission_starts_with_the_legal_status_given(api, person):
    admission = created(api.post("/api/admissions", admission_body(person, legal_status="s3")))

    assert [(c["status"], c["effective_on"]) for c in admission["legal_status_changes"]] == [
        ("s3", days_ago(10).isoformat())
    ]


def test_recording_a_discharge_rates_the_person_red(api, person):
    admission = created(api.post("/api/admissions", admission_body(person)))

    response = api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(3)))

    assert response.status_code == 200, response.content
    assert response.json()["discharged_on"] == days_ago(3).isoformat()
    assert rating_now(api, person) == "red"
    assert Person.objects.get(pk=person.pk).rating_effective_on == days_ago(3)


def test_the_rating_history_records_the_discharge_naming_the_hospital(api, person):
    admission = created(api.post("/api/admissions", admission_body(person)))
    api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharge_destination="Aunt's home"))

    latest = api.get(f"/api/people/{person.pk}/ratings").json()[0]

    assert latest["rating"] == "red"
    assert "Fernbrook Hospital" in latest["reason"] and "Aunt's home" in latest["reason"]


def test_catching_up_a_past_stay_inserts_blue_then_red_at_its_dates(api, person):
    created(
        api.post(
            "/api/admissions",
            admission_body(
                person, admitted_on=D(2025, 3, 1), discharged_on=D(2025, 4, 15), discharge_destination="Family home"
            ),
        )
    )

    # Newest first, as the ratings route lists them.
    assert history(api, person) == [("red", "2025-04-15"), ("blue", "2025-03-01"), ("amber", "2019-06-01")]


def test_a_caught_up_stay_later_than_every_other_rating_leaves_the_person_red(api, person):
    stay = {"admitted_on": D(2025, 3, 1), "discharged_on": D(2025, 4, 15), "discharge_destination": "Family home"}
    created(api.post("/api/admissions", admission_body(person, **stay)))

    assert rating_now(api, person) == "red"


def test_a_caught_up_stay_before_a_later_review_leaves_the_current_rating_alone(api, person):
    created(api.post(f"/api/people/{person.pk}/ratings", rating_body("green", days_ago(5))))
    stay = {"admitted_on": D(2025, 3, 1), "discharged_on": D(2025, 4, 15), "discharge_destination": "Family home"}

    created(api.post("/api/admissions", admission_body(person, **stay)))

    assert rating_now(api, person) == "green"
    assert history(api, person)[:3] == [
        ("green", days_ago(5).isoformat()),
        ("red", "2025-04-15"),
        ("blue", "2025-03-01"),
    ]


def test_an_admission_caught_up_after_a_later_review_never_leaves_an_inpatient_rated_other_than_blue(api, person):
    # Rated green 5 days ago, then an admission from 10 days ago (still in hospital) is entered.
    created(api.post(f"/api/people/{person.pk}/ratings", rating_body("green", days_ago(5))))

    response = api.post("/api/admissions", admission_body(person, admitted_on=days_ago(10)))

    assert response.status_code in (201, 422), response.content
    in_hospital = [row["admission"]["person_id"] for row in api.get("/api/inpatients").json()]
    assert person.pk not in in_hospital or rating_now(api, person) == "blue"


# The 14-day rule and the inpatient rule on the ratings route -------------------------------------


@pytest.fixture
def discharged_30_days_ago(api, person):
    stay = {"admitted_on": days_ago(60), "discharged_on": days_ago(30), "discharge_destination": "Family home"}
    return created(api.post("/api/admissions", admission_body(person, **stay)))


def test_lowering_to_amber_five_days_after_discharge_is_refused(api, person, discharged_30_days_ago):
    before = row_counts()

    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("amber", days_ago(25)))

    message = errors(response)["rating"][0]
    assert "stays red" in message and "14 days" in message
    assert row_counts() == before
    assert rating_now(api, person) == "red"


def test_lowering_to_green_on_day_13_after_discharge_is_refused(api, person, discharged_30_days_ago):
    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("green", days_ago(17)))

    assert "stays red" in errors(response)["rating"][0]


def test_lowering_to_amber_on_day_14_after_discharge_is_accepted(api, person, discharged_30_days_ago):
    created(api.post(f"/api/people/{person.pk}/ratings", rating_body("amber", days_ago(16))))

    assert rating_now(api, person) == "amber"


def test_lowering_to_green_well_after_the_14_days_is_accepted(api, person, discharged_30_days_ago):
    created(api.post(f"/api/people/{person.pk}/ratings", rating_body("green", days_ago(1))))

    assert rating_now(api, person) == "green"


def test_a_review_keeping_red_within_the_14_days_is_accepted(api, person, discharged_30_days_ago):
    created(api.post(f"/api/people/{person.pk}/ratings", rating_body("red", days_ago(25))))


@pytest.mark.parametrize("rating", ["red", "amber", "green"])
def test_a_review_rating_other_than_blue_is_refused_while_an_inpatient(api, person, rating):
    created(api.post("/api/admissions", admission_body(person)))
    before = row_counts()

    response = api.post(f"/api/people/{person.pk}/ratings", rating_body(rating, days_ago(0)))

    assert "inpatient" in errors(response)["rating"][0]
    assert row_counts() == before
    assert rating_now(api, person) == "blue"


def test_a_review_keeping_an_inpatient_blue_is_accepted(api, person):
    created(api.post("/api/admissions", admission_body(person)))

    review = created(api.post(f"/api/people/{person.pk}/ratings", rating_body("blue", days_ago(0))))

    assert (review["rating"], review["reason"]) == ("blue", "DSR meeting")
    assert history(api, person)[0] == ("blue", days_ago(0).isoformat())
    assert rating_now(api, person) == "blue"


def test_a_review_back_dated_into_a_past_stay_is_refused(api, person, discharged_30_days_ago):
    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("amber", days_ago(45)))

    assert "inpatient" in errors(response)["rating"][0]
