"""The education pages: added and changed from the person's details, refused input shown against its
box with nothing saved, a stale edit refused, and an overdue EHCP review shown on the record."""

import pytest
from django.urls import reverse

from keywork.education.models import EducationSetting, Ehcp
from keywork.testing.dates import days_ago
from keywork.testing.pages import date_parts


@pytest.fixture
def person(service, manager, add_person):
    return add_person(service, manager.user)


def setting_form(**changes) -> dict:
    fields = {"setting_type": "mainstream", "name": "Elm Academy", "area": "in_area", "distance_miles": "2"}
    return fields | date_parts("starts_on", days_ago(100)) | changes


def test_a_setting_added_on_its_page_is_shown_on_the_persons_education_page(manager, person):
    response = manager.http.post(reverse("education:add_setting", args=[person.pk]), setting_form())
    education_page = reverse("register:person_education", args=[person.pk])
    assert response.status_code == 302 and response["Location"] == education_page + "#education"
    page = manager.http.get(education_page).content.decode()
    assert "Elm Academy" in page and "Mainstream school or college" in page


def test_a_setting_without_a_type_or_name_is_refused_against_its_boxes(manager, person):
    response = manager.http.post(reverse("education:add_setting", args=[person.pk]), setting_form(setting_type=""))
    assert response.status_code == 200 and not EducationSetting.objects.exists()
    assert "Choose the type of setting" in response.content.decode()


def test_a_setting_changed_by_someone_else_meanwhile_is_not_overwritten(manager, person):
    fields = {"setting_type": "mainstream", "name": "Elm Academy", "area": "in_area", "starts_on": days_ago(100)}
    setting = EducationSetting.objects.create(person=person, **fields)
    setting.save_if_unchanged_since(1)
    stale = setting_form(name="Oak Academy", version="1")
    response = manager.http.post(reverse("education:edit_setting", args=[setting.pk]), stale)
    assert response.status_code == 200
    setting.refresh_from_db()
    assert setting.name == "Elm Academy"


def test_an_overdue_ehcp_review_is_flagged_on_the_record(manager, person):
    form = {"status": "yes", "local_authority": "Kent"} | date_parts("issued_on", days_ago(400))
    assert manager.http.post(reverse("education:ehcp", args=[person.pk]), form).status_code == 302
    assert Ehcp.objects.get(person=person).next_annual_review_due == days_ago(35)
    page = manager.http.get(person.get_absolute_url()).content.decode()
    assert "EHCP review overdue" in page


def test_an_exclusion_recorded_on_its_page_is_named_in_the_banner(manager, person):
    form = {"kind": "fixed_term_exclusion"} | date_parts("starts_on", days_ago(3))
    response = manager.http.post(reverse("education:add_event", args=[person.pk]), form, follow=True)
    assert "Fixed-term exclusion (suspension) recorded" in response.content.decode()
