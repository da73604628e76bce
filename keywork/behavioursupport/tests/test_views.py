"""The PBS plan and incident pages: a behaviour technician records an incident and finds it in the
log, on the chart and on the person's plans sub-page; plans are kept version by version; bad
input is refused with nothing saved; other services' people are not found."""

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.behavioursupport.tests.conftest import incident_form, plan_form
from keywork.register.record_pages import person_url
from keywork.testing.dates import TODAY
from keywork.testing.pages import logged_in


def test_a_behaviour_technician_records_an_incident_and_sees_it_in_the_log_and_the_chart(technician, person):
    response = technician.http.post(reverse("behavioursupport:record_incident", args=[person.pk]), incident_form())
    assert response.status_code == 302
    page = technician.http.get(response.url).content.decode()
    assert "Hit out at a teaching assistant" in page and "Physical restraint, 5 minutes" in page
    assert "<svg" in page and "Incidents recorded each week" in page
    assert RestrictivePractice.objects.get().minutes == 5
    assert AuditEntry.objects.filter(person_id=person.pk, operation="create", content_type__model="incident").exists()


def test_a_restrictive_practice_without_its_duration_is_refused_and_nothing_saved(technician, person):
    form = incident_form(physical_minutes="")
    page = technician.http.post(reverse("behavioursupport:record_incident", args=[person.pk]), form).content.decode()
    assert "Enter how many minutes the physical restraint lasted" in page
    assert not Incident.objects.exists()


def test_prn_medication_without_chemical_restraint_is_refused_and_nothing_saved(technician, person):
    form = incident_form(prn_given="on")
    page = technician.http.post(reverse("behavioursupport:record_incident", args=[person.pk]), form).content.decode()
    assert "PRN medication given to manage behaviour is chemical restraint" in page
    assert not Incident.objects.exists()


def test_an_incident_without_its_account_is_refused_with_every_field_named(technician, person):
    page = technician.http.post(
        reverse("behavioursupport:record_incident", args=[person.pk]), {"antecedent": ""}
    ).content.decode()
    for message in ("Enter the date of the incident", "Enter what happened before", "Choose how severe"):
        assert message in page
    assert not Incident.objects.exists()


def test_each_saved_plan_is_a_new_version_and_the_latest_is_shown(manager, person):
    url = reverse("behavioursupport:edit_plan", args=[person.pk])
    assert manager.http.post(url, plan_form()).status_code == 302
    assert manager.http.post(url, plan_form(based_on_version="1", triggers="Loud hand dryers")).status_code == 302
    assert list(PbsPlan.objects.values_list("version", "triggers"))[0] == (2, "Loud hand dryers")
    page = manager.http.get(reverse("behavioursupport:plan", args=[person.pk])).content.decode()
    assert "Version 2 (current)" in page and "Loud hand dryers" in page
    earlier = manager.http.get(reverse("behavioursupport:plan", args=[person.pk]) + "?version=1").content.decode()
    assert "Triggers as agreed" in earlier


def test_a_plan_saved_over_a_newer_version_is_refused(manager, person):
    url = reverse("behavioursupport:edit_plan", args=[person.pk])
    manager.http.post(url, plan_form())
    page = manager.http.post(url, plan_form(based_on_version="0")).content.decode()
    assert "Someone else changed this record" in page
    assert PbsPlan.objects.count() == 1


def test_a_plan_missing_its_strategies_is_refused_and_nothing_saved(manager, person):
    url = reverse("behavioursupport:edit_plan", args=[person.pk])
    page = manager.http.post(url, plan_form(reactive_strategies="")).content.decode()
    assert "Enter the reactive strategies" in page
    assert not PbsPlan.objects.exists()


def test_the_plans_sub_page_summarises_the_plan_and_recent_incidents(technician, manager, person):
    manager.http.post(reverse("behavioursupport:edit_plan", args=[person.pk]), plan_form())
    technician.http.post(reverse("behavioursupport:record_incident", args=[person.pk]), incident_form())
    page = technician.http.get(person_url(person, "plans")).content.decode()
    assert "PBS plan version 1, review" in page
    assert "1 incident in 90 days (1 with a restrictive practice)" in page
    assert reverse("behavioursupport:incidents", args=[person.pk]) in page


def test_an_overdue_plan_review_is_flagged_on_the_record(manager, person):
    plan_url = reverse("behavioursupport:edit_plan", args=[person.pk])
    overdue = plan_form(agreed_on_2=TODAY.year - 1, review_on_0="1", review_on_1="1", review_on_2=TODAY.year)
    assert manager.http.post(plan_url, overdue).status_code == 302
    page = manager.http.get(person_url(person, "details")).content.decode()
    assert "PBS plan review overdue" in page


def test_another_services_person_is_not_found_on_any_page(other_service, make_user, person):
    stranger = logged_in(make_user(other_service, Role.ADMIN))
    for name in ("plan", "edit_plan", "incidents", "record_incident"):
        assert stranger.http.get(reverse(f"behavioursupport:{name}", args=[person.pk])).status_code == 404
    stranger.http.post(reverse("behavioursupport:record_incident", args=[person.pk]), incident_form())
    assert not Incident.objects.exists()


def test_a_commissioner_is_refused(as_role, person):
    commissioner = as_role(Role.COMMISSIONER)
    assert commissioner.http.get(reverse("behavioursupport:incidents", args=[person.pk])).status_code == 403
