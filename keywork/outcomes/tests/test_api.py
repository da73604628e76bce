"""The outcomes routes of the JSON API: the same rules (errors name the field, nothing saved), the
same permissions and scoping, and an audit entry for every write."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.outcomes.models import BehaviourRecord, CaseStudy, FamilyMeasure, Goal, GoalRating, SystemBlocker
from keywork.testing.api import Api, errors
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, allocate, create_user

URL = "/api/outcomes"


@pytest.fixture
def api(manager):
    return Api(manager.user)


def goal_body(person, **changes):
    return {"person_id": person.pk, "description": "Go to school", "set_on": days_ago(20), "set_with": "mum", **changes}


def test_a_goal_is_added_and_rated_and_listed_with_its_change(api, person):
    response = api.post(f"{URL}/goals", goal_body(person))
    assert response.status_code == 201, response.content
    goal_id = response.json()["id"]
    assert api.post(f"{URL}/goals/{goal_id}/ratings", {"rated_on": days_ago(20), "score": -1}).status_code == 201
    assert api.post(f"{URL}/goals/{goal_id}/ratings", {"rated_on": TODAY, "score": 2}).status_code == 201
    (listed,) = api.get(f"{URL}/goals", person_id=person.pk).json()
    assert listed["change"] == 3 and [r["score"] for r in listed["ratings"]] == [-1, 2]
    assert AuditEntry.objects.filter(person_id=person.pk, operation="create").count() >= 3


def test_a_rating_outside_the_scale_or_before_the_goal_is_refused_by_field(api, person):
    goal = Goal.objects.create(person=person, description="d", set_on=days_ago(5), set_with="mum")
    assert "score" in errors(api.post(f"{URL}/goals/{goal.pk}/ratings", {"rated_on": TODAY, "score": 5}))
    assert "rated_on" in errors(api.post(f"{URL}/goals/{goal.pk}/ratings", {"rated_on": days_ago(6), "score": 0}))
    assert not GoalRating.objects.exists()


def test_behaviour_and_family_measures_are_checked_by_their_rules(api, person):
    behaviour = {"person_id": person.pk, "behaviour_type": "absconding", "week_starting": days_ago(7)}
    assert "severity" in errors(
        api.post(f"{URL}/behaviour-records", {**behaviour, "frequency_per_week": 2, "severity": 0})
    )
    assert (
        api.post(f"{URL}/behaviour-records", {**behaviour, "frequency_per_week": 2, "severity": 3}).status_code == 201
    )
    measure = {
        "person_id": person.pk,
        "taken_on": TODAY,
        "point": "start",
        "confidence_managing": 5,
        "feeling_listened_to": 5,
    }
    assert "quality_of_life" in errors(api.post(f"{URL}/family-measures", {**measure, "quality_of_life": 11}))
    assert api.post(f"{URL}/family-measures", {**measure, "quality_of_life": 4}).status_code == 201
    assert BehaviourRecord.objects.count() == 1 and FamilyMeasure.objects.count() == 1


def test_a_closing_outcome_is_recorded_on_an_accepted_referral(api, person, manager):
    referral = accept_referral(person, manager.user, closed_on=days_ago(2))
    url = f"{URL}/referrals/{referral.pk}/closing-outcome"
    assert "admission_rationale" in errors(
        api.client.put(
            url,
            {"version": 0, "admission_avoided": "yes", "breakdown_prevented": "no"},
            content_type="application/json",
            **api.headers,
        )
    )
    body = {"version": 0, "admission_avoided": "yes", "admission_rationale": "Crisis plan", "breakdown_prevented": "no"}
    response = api.client.put(url, body, content_type="application/json", **api.headers)
    assert response.status_code == 200 and response.json()["referral_id"] == referral.pk


def test_a_keyworker_reaches_only_their_own_people(as_role, person, manager, service, add_person):
    keyworker = as_role(Role.KEYWORKER)
    allocate(person, keyworker.user, days_ago(10), manager.user)
    stranger = add_person(service, manager.user)
    api = Api(keyworker.user)
    assert api.post(f"{URL}/goals", goal_body(stranger)).status_code == 404
    assert api.post(f"{URL}/goals", goal_body(person)).status_code == 201
    Goal.objects.create(person=stranger, description="d", set_on=TODAY, set_with="dad")
    assert [g["person_id"] for g in api.get(f"{URL}/goals").json()] == [person.pk]


def test_blockers_are_added_resolved_and_refuse_people_beyond_reach(api, person, other_service, make_user, add_person):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    body = {"category": "short_breaks", "agency": "Provider", "description": "No carers", "raised_on": days_ago(9)}
    assert "person_ids" in errors(api.post(f"{URL}/blockers", {**body, "person_ids": [stranger.pk]}))
    created = api.post(f"{URL}/blockers", {**body, "person_ids": [person.pk]})
    assert created.status_code == 201 and created.json()["person_ids"] == [person.pk]
    blocker_id = created.json()["id"]
    assert "resolved_on" in errors(
        api.patch(f"{URL}/blockers/{blocker_id}", {"version": 1, "resolved_on": days_ago(10)})
    )
    resolved = api.patch(f"{URL}/blockers/{blocker_id}", {"version": 1, "resolved_on": days_ago(1)})
    assert resolved.status_code == 200 and resolved.json()["days_blocked"] == 8
    assert SystemBlocker.objects.get().resolved_on == days_ago(1)


def test_a_commissioner_gets_blocker_figures_but_not_blockers(as_role, service):
    SystemBlocker.objects.create(service=service, category="housing", agency="a", description="secret", raised_on=TODAY)
    api = Api(as_role(Role.COMMISSIONER).user)
    assert api.get(f"{URL}/blockers").status_code == 403
    figures = api.get(f"{URL}/blockers/figures")
    assert figures.status_code == 200 and figures.json()["by_category"]["Housing"] == "*"
    assert "secret" not in figures.content.decode()


def test_case_studies_are_added_and_listed_usable_only_with_consent(api, person):
    body = {"title": "t", "narrative": "n", "quarter_start": "2024-04-01", "person_id": person.pk}
    assert "quarter_start" in errors(api.post(f"{URL}/case-studies", {**body, "quarter_start": "2024-04-02"}))
    assert api.post(f"{URL}/case-studies", body).status_code == 201
    consented = {**body, "consent_recorded": True, "consent_given_by": "Mum", "consent_on": "2024-04-03"}
    assert api.post(f"{URL}/case-studies", consented).json()["usable_in_return"] is True
    assert len(api.get(f"{URL}/case-studies", usable_in_return=True).json()) == 1
    assert CaseStudy.objects.count() == 2


def test_a_case_study_lists_whom_it_is_about_only_to_someone_who_may_reach_them(service, person, manager):
    allocate(person, create_user(service, Role.KEYWORKER, username="robin"), days_ago(30), by=manager.user)
    CaseStudy.objects.create(
        service=service, title="t", narrative="n", person=person, quarter_start=TODAY.replace(month=4, day=1)
    )
    peer = create_user(service, Role.KEYWORKER, username="sky", worker_type="peer_associate")
    assert [study["person_id"] for study in Api(peer).get(f"{URL}/case-studies").json()] == [None]
    assert [study["person_id"] for study in Api(manager.user).get(f"{URL}/case-studies").json()] == [person.pk]


def test_another_services_records_are_not_found(api, other_service, make_user, add_person):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    goal = Goal.objects.create(person=stranger, description="d", set_on=TODAY, set_with="dad")
    blocker = SystemBlocker.objects.create(
        service=other_service, category="housing", agency="a", description="d", raised_on=TODAY
    )
    assert api.post(f"{URL}/goals/{goal.pk}/ratings", {"rated_on": TODAY, "score": 0}).status_code == 404
    assert api.patch(f"{URL}/blockers/{blocker.pk}", {"version": 1, "resolved_on": TODAY}).status_code == 404
