"""A date of birth before 1900 is refused, on the API and the page alike, naming the field. The
age rule alone (0 to 25 on the referral date) let one through when the referral was as old."""

import datetime

from django.urls import reverse

from keywork.register.models import Person
from keywork.testing.api import errors
from keywork.testing.pages import date_parts, logged_in

from .test_api_people import person_body
from .test_forms import details

BORN = datetime.date(1880, 1, 1)
REFERRED = datetime.date(1900, 6, 1)  # aged 20: within the service's ages, had the dates been real
ERA = "must be between 1 January 1900 and 31 December 2099"


def test_a_person_born_before_1900_is_refused_on_the_api(api):
    body = person_body(date_of_birth=BORN.isoformat(), referral_date=REFERRED.isoformat())
    body["consent"]["decided_on"] = REFERRED.isoformat()

    refused = errors(api.post("/api/people", body))

    assert refused["date_of_birth"] == [f"Date of birth {ERA}"]
    assert not Person.objects.exists()


def test_a_referral_dated_before_1900_is_refused_on_the_api(api):
    body = person_body(referral_date="1899-12-31")
    assert errors(api.post("/api/people", body))["referral_date"] == [f"Referral date {ERA}"]


def test_a_date_of_birth_changed_to_before_1900_is_refused_on_the_page(service, coordinator_user, add_person):
    person = add_person(service, by=coordinator_user)
    page = reverse("register:edit", args=[person.pk])

    dates = date_parts("date_of_birth", BORN) | date_parts("referral_date", REFERRED)

    response = logged_in(coordinator_user).http.post(page, details(person, **dates))

    assert response.context["form"].errors["date_of_birth"] == [f"Date of birth {ERA}"]
    assert Person.objects.get(pk=person.pk).date_of_birth == person.date_of_birth
