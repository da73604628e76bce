"""The transition plan page: recorded from the person's details, changed on the same page, bad input
shown with nothing saved, and another service's people not found."""

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.pages import date_parts, logged_in
from keywork.transition.models import TransitionPlan


def plan_form(**changes) -> dict:
    areas = {f"{prefix}_status": "not_started" for prefix in ("social_care", "health", "housing", "employment")}
    dates = date_parts("agreed_on", days_ago(5)) | date_parts("review_on", TODAY.replace(year=TODAY.year + 1))
    return areas | {"social_care_owner": "Adult social care transitions team"} | dates | changes


def test_the_details_of_someone_aged_14_or_over_prompt_for_a_plan(manager, young_person):
    page = manager.http.get(young_person.get_absolute_url()).content.decode()
    assert "No transition plan recorded" in page and reverse("transition:plan", args=[young_person.pk]) in page


def test_a_plan_recorded_on_its_page_is_shown_on_the_details_and_audited(manager, young_person):
    url = reverse("transition:plan", args=[young_person.pk])
    assert manager.http.post(url, plan_form()).status_code == 302
    page = manager.http.get(young_person.get_absolute_url()).content.decode()
    assert "Adult social care transitions team" in page and "Change the transition plan" in page
    assert AuditEntry.objects.filter(person_id=young_person.pk, operation="create").exists()


def test_the_same_page_changes_the_plan_and_records_the_adult_services_referral(manager, young_person):
    url = reverse("transition:plan", args=[young_person.pk])
    manager.http.post(url, plan_form())
    referral = date_parts("adult_services_referred_on", days_ago(1))
    form = plan_form(version="1", adult_services_referred_to="Adult learning disability team") | referral
    assert manager.http.post(url, form).status_code == 302
    plan = TransitionPlan.objects.get()
    assert plan.adult_services_referred_to == "Adult learning disability team" and plan.version == 2


def test_a_plan_without_statuses_or_with_a_review_before_it_was_agreed_is_refused(manager, young_person):
    url = reverse("transition:plan", args=[young_person.pk])
    response = manager.http.post(url, plan_form(housing_status=""))
    assert "Choose the status of housing" in response.content.decode()
    early = plan_form() | date_parts("review_on", days_ago(30))
    assert "must be on or after the date the plan was agreed" in manager.http.post(url, early).content.decode()
    assert not TransitionPlan.objects.exists()


def test_a_referral_without_whom_it_went_to_is_refused(manager, young_person):
    form = plan_form() | date_parts("adult_services_referred_on", days_ago(1))
    response = manager.http.post(reverse("transition:plan", args=[young_person.pk]), form)
    assert "Enter who they were referred to" in response.content.decode()
    assert not TransitionPlan.objects.exists()


def test_another_services_person_is_not_found(other_service, make_user, young_person):
    stranger = logged_in(make_user(other_service, Role.ADMIN))
    url = reverse("transition:plan", args=[young_person.pk])
    assert stranger.http.post(url, plan_form()).status_code == 404
    assert not TransitionPlan.objects.exists()
