"""Outcome pages: forms refuse bad input with the field named, the person page shows change, and a
commissioner sees blocker counts without a name, a description or a link to anyone."""

import re

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.outcomes.models import BehaviourRecord, CaseStudy, ClosingOutcome, Goal, GoalRating, SystemBlocker
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, allocate
from keywork.testing.pages import date_parts


def post(client, name, data, *args):
    return client.http.post(reverse(f"outcomes:{name}", args=args), data)


def test_adding_a_goal_and_its_baseline_shows_on_the_person_page(manager, person):
    response = post(
        manager,
        "add_goal",
        {"description": "Sleep through", "set_with": "mum", **date_parts("set_on", days_ago(30))},
        person.pk,
    )
    assert response.status_code == 302
    goal = Goal.objects.get()
    post(manager, "rate_goal", {"score": "-2", **date_parts("rated_on", days_ago(30))}, goal.pk)
    post(manager, "rate_goal", {"score": "1", **date_parts("rated_on", TODAY)}, goal.pk)
    body = manager.http.get(reverse("register:person_outcomes", args=[person.pk])).content.decode()
    assert "Sleep through" in body and "Up 3" in body
    assert AuditEntry.objects.filter(person_id=person.pk, operation="create").count() >= 3


def test_a_rating_outside_the_scale_is_refused_with_the_field_named(manager, person):
    goal = Goal.objects.create(person=person, description="d", set_on=days_ago(5), set_with="mum")
    response = post(manager, "rate_goal", {"score": "3", **date_parts("rated_on", TODAY)}, goal.pk)
    assert response.context["form"].errors["score"] == ["The score must be from -2 to 2"]
    assert "There is a problem" in response.content.decode()
    assert not GoalRating.objects.exists()


def test_a_behaviour_with_severity_six_is_refused(manager, person):
    data = {
        "behaviour_type": "self_injury",
        "frequency_per_week": "3",
        "severity": "6",
        **date_parts("week_starting", days_ago(7)),
    }
    response = post(manager, "add_behaviour_record", data, person.pk)
    assert "Severity must be from 1 to 5" in response.context["form"].errors["severity"][0]


def test_the_behaviour_chart_marks_the_start_of_keywork_and_has_a_data_table(manager, person, make_user, service):
    allocate(person, make_user(service, Role.KEYWORKER), days_ago(21), manager.user)
    for weeks, times in ((5, 12), (3, 9), (1, 2)):
        BehaviourRecord.objects.create(
            person=person,
            behaviour_type="self_injury",
            week_starting=days_ago(7 * weeks),
            frequency_per_week=times,
            severity=3,
        )
    body = manager.http.get(reverse("register:person_outcomes", args=[person.pk])).content.decode()
    assert "<svg" in body and "Keywork began" in body
    assert "Behaviours of concern by week" in body and re.search(r">\s*12\s*<", body)


def test_family_measures_show_the_change_from_the_start(manager, person):
    for point, day, score in (("start", 100, "3"), ("three_monthly", 10, "7")):
        data = {
            "point": point,
            "quality_of_life": score,
            "confidence_managing": "5",
            "feeling_listened_to": "5",
            **date_parts("taken_on", days_ago(day)),
        }
        assert post(manager, "add_family_measure", data, person.pk).status_code == 302
    body = manager.http.get(reverse("register:person_outcomes", args=[person.pk])).content.decode()
    assert "Up 4" in body and "No change" in body


def test_a_closing_outcome_saying_admission_avoided_needs_the_reason(manager, person):
    referral = accept_referral(person, manager.user, closed_on=days_ago(3))
    data = {"version": 0, "admission_avoided": "yes", "breakdown_prevented": "yes"}
    response = post(manager, "closing_outcome", data, referral.pk)
    assert "admission_rationale" in response.context["form"].errors
    data["admission_rationale"] = "Crisis plan held"
    assert post(manager, "closing_outcome", data, referral.pk).status_code == 302
    assert ClosingOutcome.objects.get().referral == referral
    assert (
        "Crisis plan held" in manager.http.get(reverse("register:person_outcomes", args=[person.pk])).content.decode()
    )


def test_a_closing_outcome_on_a_referral_not_accepted_is_refused(manager, person):
    referral = accept_referral(person, manager.user)
    referral.decision, referral.decided_on = "pending", None
    referral.save()
    response = post(
        manager, "closing_outcome", {"admission_avoided": "not_applicable", "breakdown_prevented": "no"}, referral.pk
    )
    assert response.status_code == 200 and not ClosingOutcome.objects.exists()
    assert "accepted referral" in response.content.decode()


def test_links_to_record_outcomes_show_only_with_the_permission(as_role, person):
    coordinator = as_role(Role.COORDINATOR)
    body = coordinator.http.get(reverse("register:person_outcomes", args=[person.pk])).content.decode()
    assert "Outcomes" in body and reverse("outcomes:add_goal", args=[person.pk]) not in body


def test_a_blocker_names_only_people_the_keyworker_may_reach(as_role, manager, person, service, add_person):
    other = add_person(service, manager.user)
    keyworker = as_role(Role.KEYWORKER)
    allocate(person, keyworker.user, days_ago(10), manager.user)
    data = {
        "category": "housing",
        "agency": "Housing",
        "description": "No flat",
        "people": [person.pk],
        **date_parts("raised_on", days_ago(2)),
    }
    assert post(keyworker, "add_blocker", data).status_code == 302
    refused = post(keyworker, "add_blocker", {**data, "people": [other.pk]})
    assert "people" in refused.context["form"].errors
    SystemBlocker.objects.get().people.add(other)
    body = keyworker.http.get(reverse("outcomes:blockers")).content.decode()
    assert person.full_name in body and other.full_name not in body and "1 person not on your caseload" in body


def test_resolving_a_blocker_before_it_was_raised_is_refused(manager, service):
    blocker = SystemBlocker.objects.create(
        service=service, category="housing", agency="a", description="d", raised_on=days_ago(3)
    )
    response = post(manager, "resolve_blocker", {"version": 1, **date_parts("resolved_on", days_ago(5))}, blocker.pk)
    assert "before it was raised" in response.context["form"].errors["resolved_on"][0]
    assert (
        post(manager, "resolve_blocker", {"version": 1, **date_parts("resolved_on", TODAY)}, blocker.pk).status_code
        == 302
    )
    blocker.refresh_from_db()
    assert blocker.resolved_on == TODAY


@pytest.fixture
def many_blockers(service, person):
    # 10 housing, 9 education, 2 workforce: the 2 is hidden, and the 9 with it (secondary suppression).
    categories = ["housing"] * 10 + ["education_placement"] * 9 + ["workforce"] * 2
    for index, category in enumerate(categories):
        blocker = SystemBlocker.objects.create(
            service=service,
            category=category,
            agency="Care provider" if category == "workforce" else "Local authority",
            description=f"Secret description {index}",
            raised_on=TODAY,
        )
        blocker.people.add(person)


def test_a_commissioner_sees_suppressed_blocker_counts_and_no_names_or_descriptions(as_role, many_blockers, person):
    commissioner = as_role(Role.COMMISSIONER)
    response = commissioner.http.get(reverse("outcomes:blocker_figures"))
    body = response.content.decode()
    assert response.status_code == 200
    tables = response.context["figures"]["tables"]
    cells = tables["category"].cells
    assert (cells["Housing"], cells["Education placement"], cells["Workforce"]) == (10, "*", "*")
    assert tables["category"].total == 20  # 21 rounded to the nearest 5, as cells are hidden
    assert person.full_name not in body and person.family_name not in body and "Secret description" not in body
    assert person.get_absolute_url() not in body and f'href="{reverse("outcomes:blockers")}"' not in body


def test_a_commissioner_may_not_open_the_blocker_list_or_case_studies(as_role):
    commissioner = as_role(Role.COMMISSIONER)
    assert commissioner.http.get(reverse("outcomes:blockers")).status_code == 403
    assert commissioner.http.get(reverse("outcomes:case_studies")).status_code == 403


def test_a_coordinator_records_system_learning_but_not_outcomes(as_role, person):
    coordinator = as_role(Role.COORDINATOR)
    assert coordinator.http.get(reverse("outcomes:add_blocker")).status_code == 200
    assert coordinator.http.get(reverse("outcomes:add_goal", args=[person.pk])).status_code == 403


def test_a_case_study_with_consent_is_marked_usable_in_a_return(manager, person):
    data = {
        "version": 0,
        "title": "Back to school",
        "narrative": "A young person went back to school.",
        "person": person.pk,
        "consent_recorded": "on",
        **date_parts("quarter_start", TODAY.replace(month=4, day=1)),
    }
    response = post(manager, "add_case_study", data)
    assert {"consent_given_by", "consent_on"} <= set(response.context["form"].errors)
    data |= {"consent_given_by": "Mum", **date_parts("consent_on", TODAY)}
    assert post(manager, "add_case_study", data).status_code == 302
    assert CaseStudy.objects.get().usable_in_return
    assert "Consent recorded" in manager.http.get(reverse("outcomes:case_studies")).content.decode()


def test_the_case_study_form_keeps_a_link_to_a_person_the_editor_cannot_reach_without_naming_them(
    story_about_anothers_person, person
):
    study, peer = story_about_anothers_person
    page = peer.http.get(reverse("outcomes:edit_case_study", args=[study.pk])).content.decode()
    assert person.family_name not in page and person.given_name not in page
    options = re.findall(r"<option([^>]*)>([^<]*)</option>", page)
    assert [(text.strip(), "selected" in attributes) for attributes, text in options[:2]] == [
        ("Nobody named", False),
        ("A person you cannot see", True),
    ]
    data = {"version": 1, "title": "Back at school", "narrative": study.narrative, "person": person.pk}
    response = post(peer, "edit_case_study", {**data, **date_parts("quarter_start", study.quarter_start)}, study.pk)
    assert response.status_code == 302
    study.refresh_from_db()
    assert (study.title, study.person) == ("Back at school", person)


def test_the_case_study_form_names_the_person_to_someone_who_may_reach_them(
    story_about_anothers_person, person, manager
):
    study, _ = story_about_anothers_person
    page = manager.http.get(reverse("outcomes:edit_case_study", args=[study.pk])).content.decode()
    assert "A person you cannot see" not in page and person.family_name in page
