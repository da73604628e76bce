"""The placement pages: added from the person's details, bad input shown with nothing saved, and a
recent breakdown shown to everyone opening the record."""

from django.urls import reverse

from keywork.placements.models import Placement
from keywork.testing.dates import days_ago
from keywork.testing.pages import date_parts


def test_a_placement_added_on_its_page_is_shown_on_the_persons_education_and_home_page(service, manager, add_person):
    person = add_person(service, manager.user)
    form = {"kind": "foster_care", "area": "out_of_area"} | date_parts("starts_on", days_ago(30))
    response = manager.http.post(reverse("placements:add_placement", args=[person.pk]), form)
    education_page = reverse("register:person_education", args=[person.pk])
    assert response.status_code == 302 and response["Location"] == education_page + "#living-situation"
    page = manager.http.get(education_page).content.decode()
    assert "Foster care" in page and "Out of area" in page


def test_a_placement_without_where_is_refused_with_nothing_saved(service, manager, add_person):
    person = add_person(service, manager.user)
    response = manager.http.post(reverse("placements:add_placement", args=[person.pk]), {"area": "in_area"})
    assert response.status_code == 200 and "Choose where they live" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_recent_breakdown_is_an_alert_on_the_record(service, manager, add_person):
    person = add_person(service, manager.user)
    form = {"what_happened": "Residential home gave notice"} | date_parts("occurred_on", days_ago(10))
    assert manager.http.post(reverse("placements:add_breakdown", args=[person.pk]), form).status_code == 302
    assert "Placement breakdown in the last 6 months" in manager.http.get(person.get_absolute_url()).content.decode()
