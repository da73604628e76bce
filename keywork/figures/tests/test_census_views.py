"""The census page (Inpatients › Census): true counts, average days and a chart for staff who may
see the records, with a link to the published counts; commissioners see the published counts only,
with the rule that hides them and no chart."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.testing.dates import TODAY

CENSUS = reverse("figures:census")


@pytest.fixture
def young_person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, referral_date=datetime.date(2019, 6, 1))


def test_the_census_keeps_its_address_in_the_inpatients_section():
    assert CENSUS == "/inpatients/census/"


def test_a_commissioner_sees_the_census_with_small_numbers_hidden_and_the_rule(as_role, young_person, admit, service):
    admit(young_person, TODAY - datetime.timedelta(days=40))
    response = as_role(Role.COMMISSIONER).http.get(CENSUS)
    page = response.content.decode()
    assert response.context["audience"].suppressed and response.context["months"][-1].shown_count == "*"
    assert response.context["chart"] == "" and "census-chart" not in page
    assert f"Counts from 1 to {service.suppression_threshold} are hidden" in page
    assert "every count of those detained or informal above zero is hidden too" in page
    assert "Average days in hospital so far" not in page and "See the true counts" not in page
    assert young_person.family_name not in page


def test_a_manager_sees_exact_census_figures_a_chart_and_a_link_to_the_published_counts(as_role, young_person, admit):
    admit(young_person, TODAY - datetime.timedelta(days=40))
    response = as_role(Role.MANAGER).http.get(CENSUS)
    page = response.content.decode()
    latest = response.context["months"][-1]
    assert latest.count == 1 and latest.average_days_in_hospital == 40
    assert latest.by_legal_status == {"Detained": 1, "Informal": 0, "Not recorded": 0}
    assert "<svg" in response.context["chart"]
    assert 'href="?counts=published"' in page and "These are the true counts" in page


def test_a_manager_asking_for_the_published_counts_sees_what_a_commissioner_sees(as_role, young_person, admit):
    admit(young_person, TODAY - datetime.timedelta(days=40))
    response = as_role(Role.MANAGER).http.get(CENSUS, {"counts": "published"})
    page = response.content.decode()
    assert response.context["months"][-1].shown_count == "*" and response.context["chart"] == ""
    assert "See the true counts" in page and "Average days in hospital so far" not in page


def test_the_average_days_column_says_it_is_not_the_average_length_of_stay(as_role, young_person, admit):
    admit(young_person, TODAY - datetime.timedelta(days=40))
    page = as_role(Role.MANAGER).http.get(CENSUS).content.decode()
    assert ">Average days in hospital so far</th>" in page
    assert "It is not the average length of stay" in page and reverse("reporting:hospital_use") in page


def test_the_census_shows_detained_and_informal_columns(as_role, young_person, admit):
    admit(young_person, TODAY - datetime.timedelta(days=40))
    page = as_role(Role.MANAGER).http.get(CENSUS).content.decode()
    for heading in ("Detained under the Mental Health Act", "Informal", "Legal status not recorded"):
        assert f">{heading}</th>" in page
