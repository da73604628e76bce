"""An admission dated before the person was born, or centuries ago, is refused on the API and the
page alike, naming the field, and never makes the person an inpatient."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.inpatient.models import Admission
from keywork.register.models import Person
from keywork.testing.api import errors
from keywork.testing.pages import date_parts

from .test_api import admission_body
from .test_views import admission_form

BEFORE_BIRTH = datetime.date(2006, 5, 4)  # the young person was born on 5 May 2006


@pytest.mark.parametrize(
    ("admitted_on", "message"),
    [
        (datetime.date(1, 1, 1), "The admission date must be between 1 January 1900 and 31 December 2099"),
        (BEFORE_BIRTH, "The admission date must be on or after their date of birth, 5 May 2006"),
    ],
)
def test_an_impossible_admission_date_is_refused_on_the_api(api, person, admitted_on, message):
    response = api.post("/api/admissions", admission_body(person, admitted_on=admitted_on))
    assert errors(response) == {"admitted_on": [message]}
    assert not Admission.objects.exists()
    assert Person.objects.get(pk=person.pk).rating == "amber"


def test_an_admission_before_birth_is_refused_on_the_page(as_role, young_person):
    response = as_role(Role.COORDINATOR).http.post(
        reverse("inpatient:admit", args=[young_person.pk]), admission_form(**date_parts("admitted_on", BEFORE_BIRTH))
    )
    assert response.context["form"].errors["admitted_on"] == [
        "The admission date must be on or after their date of birth, 5 May 2006"
    ]
    assert not Admission.objects.exists()


def test_a_planned_discharge_in_the_year_9999_is_refused(api, person):
    response = api.post("/api/admissions", admission_body(person, planned_discharge_on="9999-12-31"))
    assert errors(response) == {
        "planned_discharge_on": ["The planned discharge must be between 1 January 1900 and 31 December 2099"]
    }
