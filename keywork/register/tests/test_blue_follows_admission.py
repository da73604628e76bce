"""Blue means in hospital, and the admission is the record of the hospital stay: a Blue rating is
never entered by hand without an open admission (on the page or through the API); recording the
admission is what makes someone blue."""

import pytest
from django.urls import reverse

from keywork.register.models import RatingChange
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.pages import date_parts


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, rating="red", referral_date=days_ago(60))


def blue_form() -> dict:
    return {"rating": "blue", "reason": "Admitted at the weekend", **date_parts("effective_on", TODAY)}


def test_blue_entered_on_the_rating_page_without_an_admission_is_refused_saying_to_record_the_admission(
    coordinator, person
):
    response = coordinator.http.post(reverse("register:rating", args=[person.pk]), blue_form())
    page = response.content.decode()
    assert response.status_code == 200 and "record the admission under Inpatients instead" in page
    assert "the rating turns blue from it" in page
    person.refresh_from_db()
    assert person.rating == "red" and not RatingChange.objects.filter(person=person, rating="blue").exists()


def test_the_rating_page_says_blue_follows_an_admission(coordinator, person):
    page = coordinator.http.get(reverse("register:rating", args=[person.pk])).content.decode()
    assert "Blue follows an admission" in page


def test_blue_through_the_api_without_an_admission_is_refused(api, person):
    body = {"rating": "blue", "effective_on": TODAY.isoformat(), "reason": "Admitted", "risk_factors": []}
    response = api.post(f"/api/people/{person.pk}/ratings", body)
    assert response.status_code == 422 and "record the admission under Inpatients" in response.content.decode()
    assert not RatingChange.objects.filter(person=person, rating="blue").exists()


def test_recording_an_admission_still_makes_the_person_blue(admit, person):
    admit(person, days_ago(3))
    person.refresh_from_db()
    assert person.rating == "blue"


def test_a_review_keeping_blue_while_in_hospital_is_accepted(coordinator, admit, person):
    admit(person, days_ago(3))
    response = coordinator.http.post(reverse("register:rating", args=[person.pk]), blue_form())
    assert response.status_code == 302
    assert RatingChange.objects.filter(person=person, rating="blue", cause="review").exists()
