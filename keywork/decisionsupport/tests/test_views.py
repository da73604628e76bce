"""The tool's pages: rating in two steps without JavaScript, the assessment page, the section on
the record, the domains settings page (audited) and the lead's report."""

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.decisionsupport.models import Domain, RatingAssessment
from keywork.decisionsupport.tests.conftest import answers_of, form_data
from keywork.register.choices import Rating

pytestmark = pytest.mark.django_db


def rate_url(person):
    return reverse("decisionsupport:rate", args=[person.pk])


def test_rating_takes_three_page_loads_and_makes_the_rating_history_entry(coordinator, person, domains):
    first = coordinator.http.get(rate_url(person))
    assert first.status_code == 200 and "Risk to self" in first.content.decode()

    answers = form_data(domains, "high", "Two A&E visits this month")
    second = coordinator.http.post(rate_url(person), answers | {"step": "answers"})
    page = second.content.decode()
    assert second.status_code == 200 and "54 of 54" in page
    assert f'name="level_{domains[0].pk}" value="high"' in page  # the answers are carried in the form

    third = coordinator.http.post(rate_url(person), answers | {"step": "choose", "chosen_rating": "red"})
    assessment = RatingAssessment.objects.get()
    assert third.status_code == 302 and third.url == assessment.get_absolute_url()
    assert assessment.rating_change.source_url == assessment.get_absolute_url()
    person.refresh_from_db()
    assert person.rating == Rating.RED


def test_an_answer_above_none_without_evidence_shows_the_answers_again_with_the_error(coordinator, person, domains):
    response = coordinator.http.post(rate_url(person), form_data(domains, "low") | {"step": "answers"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter the evidence for risk to self, as the answer is above none" in page
    assert "Step 1 of 2" in page


def test_a_missing_answer_is_named_for_its_domain(coordinator, person, domains):
    data = form_data(domains)
    del data[f"level_{domains[2].pk}"]
    response = coordinator.http.post(rate_url(person), data | {"step": "answers"})
    assert "Choose a level for placement and family stability" in response.content.decode()


def test_choosing_another_rating_without_a_reason_is_refused_and_nothing_saved(coordinator, person, domains):
    data = form_data(domains) | {"step": "choose", "chosen_rating": "red"}
    response = coordinator.http.post(rate_url(person), data)
    page = response.content.decode()
    assert response.status_code == 200 and "Enter why you chose a rating other than the one suggested" in page
    assert not RatingAssessment.objects.exists() and person.rating_changes.count() == 1


def test_answers_tampered_with_on_the_second_page_are_checked_again(coordinator, person, domains):
    data = form_data(domains, "high") | {"step": "choose", "chosen_rating": "red"}  # no evidence
    response = coordinator.http.post(rate_url(person), data)
    assert "Step 1 of 2" in response.content.decode() and not RatingAssessment.objects.exists()


def test_change_the_answers_goes_back_to_them_as_given(coordinator, person, domains):
    data = form_data(domains, "low", "Said at school") | {"step": "change"}
    page = coordinator.http.post(rate_url(person), data).content.decode()
    assert "Step 1 of 2" in page and "Said at school" in page and "There is a problem" not in page


def test_the_record_shows_the_latest_suggestion_and_the_assessment_its_answers(coordinator, person, domains, assess):
    assessment = assess(person, answers_of(domains), Rating.AMBER, reason="Placement at risk")
    record = coordinator.http.get(person.get_absolute_url()).content.decode()
    assert "Decision support tool" in record and assessment.get_absolute_url() in record
    page = coordinator.http.get(assessment.get_absolute_url()).content.decode()
    assert "Placement at risk" in page and "Recent crises and use of services (weight 3)" in page


def test_another_services_person_and_assessment_are_not_found(
    service, other_service, make_user, add_person, domains, as_role
):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="green")
    admin = as_role(Role.ADMIN)
    assert admin.http.get(rate_url(stranger)).status_code == 404
    other_domain = other_service.rating_domains.first()
    assert admin.http.get(reverse("decisionsupport:edit_domain", args=[other_domain.pk])).status_code == 404


def test_a_commissioner_may_not_rate(as_role, person):
    assert as_role(Role.COMMISSIONER).http.get(rate_url(person)).status_code == 403


def test_the_lead_changes_a_weight_and_the_change_is_audited(as_role, domains):
    lead = as_role(Role.LEAD)
    domain = domains[4]
    data = {"name": "Physical health and sleep", "guidance": "", "weight": "2", "position": "5", "active": "on"}
    response = lead.http.post(reverse("decisionsupport:edit_domain", args=[domain.pk]), data | {"version": "1"})
    assert response.status_code == 302
    domain.refresh_from_db()
    assert (domain.name, domain.weight, domain.version) == ("Physical health and sleep", 2, 2)
    entry = AuditEntry.objects.get(content_type__model="domain", object_id=str(domain.pk))
    assert entry.operation == Operation.UPDATE and entry.changes["weight"] == 2 and entry.actor == lead.user


def test_a_weight_out_of_range_or_a_name_taken_is_refused_with_nothing_lost(as_role, domains):
    lead = as_role(Role.LEAD)
    url = reverse("decisionsupport:edit_domain", args=[domains[4].pk])
    data = {"name": "Mental health", "guidance": "Kept", "weight": "9", "position": "5", "version": "1"}
    page = lead.http.post(url, data).content.decode()
    assert "Another domain is already called ‘Mental health’" in page and "Weight must be 5 or less" in page
    assert "Kept" in page and Domain.objects.get(pk=domains[4].pk).weight == 1


def test_a_domain_added_is_asked_about_next_time(as_role, coordinator, person, domains):
    data = {"name": "Transition", "weight": "2", "position": "9", "active": "on"}
    assert as_role(Role.LEAD).http.post(reverse("decisionsupport:add_domain"), data).status_code == 302
    assert "Transition" in coordinator.http.get(rate_url(person)).content.decode()


def test_a_manager_may_not_change_the_domains(manager):
    assert manager.http.get(reverse("decisionsupport:domains")).status_code == 403


def test_a_domain_changed_by_someone_else_meanwhile_is_not_overwritten(as_role, domains):
    lead = as_role(Role.LEAD)
    domain = domains[6]
    url = reverse("decisionsupport:edit_domain", args=[domain.pk])
    lead.http.post(url, {"name": "Education", "weight": "2", "position": "7", "active": "on", "version": "1"})

    data = {"name": "Education or work", "weight": "1", "position": "7", "active": "on", "version": "1"}
    page = lead.http.post(url, data).content.decode()

    domain.refresh_from_db()
    assert "Someone else changed this record" in page and (domain.name, domain.weight) == ("Education", 2)
