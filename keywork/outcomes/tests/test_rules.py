"""The rules of each outcome record, each refused with a message naming the field."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.keyworking.rules import keywork_started_on
from keywork.outcomes.models import (
    BehaviourRecord,
    CaseStudy,
    ClosingOutcome,
    FamilyMeasure,
    Goal,
    GoalRating,
    SystemBlocker,
)
from keywork.outcomes.rules import is_quarter_start
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, allocate

TOMORROW = TODAY + datetime.timedelta(days=1)


def errors_of(record, exclude=("recorded_by",)) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.full_clean(exclude=list(exclude))
    return raised.value.message_dict


@pytest.fixture
def goal(person):
    return Goal.objects.create(person=person, description="Sleep through", set_on=days_ago(30), set_with="mum")


def rate(goal, score, days):
    return GoalRating.objects.create(goal=goal, score=score, rated_on=days_ago(days))


@pytest.mark.parametrize("score", [-3, 3])
def test_a_goal_score_outside_minus_two_to_plus_two_is_refused(goal, score):
    errors = errors_of(GoalRating(goal=goal, score=score, rated_on=TODAY))
    assert errors["score"] == ["The score must be from -2 to 2"]


def test_a_goal_rating_in_the_future_is_refused(goal):
    assert "today or in the past" in errors_of(GoalRating(goal=goal, score=0, rated_on=TOMORROW))["rated_on"][0]


def test_a_goal_cannot_be_rated_before_it_was_set(goal):
    errors = errors_of(GoalRating(goal=goal, score=0, rated_on=days_ago(31)))
    assert "before it was set" in errors["rated_on"][0]


def test_a_goal_set_in_the_future_is_refused(person):
    errors = errors_of(Goal(person=person, description="d", set_on=TOMORROW, set_with="mum"))
    assert "set_on" in errors


def test_the_first_rating_is_the_baseline_and_change_is_latest_minus_baseline(goal):
    rate(goal, -2, 20), rate(goal, 1, 1), rate(goal, 0, 10)
    assert goal.baseline.score == -2 and goal.latest.score == 1 and goal.change == 3


def test_a_goal_without_ratings_has_no_change(goal):
    assert goal.change is None and goal.baseline is None


@pytest.mark.parametrize(("field", "value"), [("severity", 0), ("severity", 6), ("frequency_per_week", -1)])
def test_behaviour_severity_and_frequency_out_of_range_are_refused(person, field, value):
    record = BehaviourRecord(
        person=person, behaviour_type="self_injury", week_starting=days_ago(7), frequency_per_week=3, severity=2
    )
    setattr(record, field, value)
    assert field in errors_of(record)


def test_the_same_behaviour_twice_in_one_week_is_refused(person):
    values = dict(
        person=person, behaviour_type="self_injury", week_starting=days_ago(7), frequency_per_week=3, severity=2
    )
    BehaviourRecord.objects.create(**values)
    assert "already recorded" in errors_of(BehaviourRecord(**values))["week_starting"][0]


@pytest.mark.parametrize("score", [0, 11])
def test_family_measures_outside_one_to_ten_are_refused(person, score):
    measure = FamilyMeasure(
        person=person,
        taken_on=TODAY,
        point="start",
        quality_of_life=score,
        confidence_managing=5,
        feeling_listened_to=5,
    )
    assert errors_of(measure)["quality_of_life"] == ["Quality of life must be from 1 to 10"]


def test_a_family_has_one_start_measure(person):
    values = dict(person=person, point="start", quality_of_life=3, confidence_managing=3, feeling_listened_to=3)
    FamilyMeasure.objects.create(taken_on=days_ago(90), **values)
    assert "already has a start measure" in errors_of(FamilyMeasure(taken_on=TODAY, **values))["point"][0]


@pytest.mark.parametrize("answer", ["yes", "no"])
def test_admission_avoided_yes_or_no_needs_a_rationale(person, manager, answer):
    referral = accept_referral(person, manager.user)
    outcome = ClosingOutcome(referral=referral, admission_avoided=answer, breakdown_prevented="not_applicable")
    assert "admission_rationale" in errors_of(outcome)


def test_admission_avoided_not_applicable_needs_no_rationale(person, manager):
    referral = accept_referral(person, manager.user)
    ClosingOutcome(referral=referral, admission_avoided="not_applicable", breakdown_prevented="no").full_clean(
        exclude=["recorded_by"]
    )


def test_a_closing_outcome_needs_an_accepted_referral(person, manager):
    referral = accept_referral(person, manager.user)
    referral.decision = "declined"
    outcome = ClosingOutcome(referral=referral, admission_avoided="not_applicable", breakdown_prevented="no")
    assert "accepted referral" in errors_of(outcome)["referral"][0]


def test_a_blocker_cannot_be_resolved_before_it_was_raised(service):
    blocker = SystemBlocker(service=service, category="housing", agency="a", description="d", raised_on=days_ago(3))
    blocker.resolved_on = days_ago(4)
    assert "before it was raised" in errors_of(blocker, exclude=("recorded_by", "people"))["resolved_on"][0]


def test_an_unresolved_blocker_counts_its_days_up_to_today_and_a_resolved_one_to_resolution(service):
    blocker = SystemBlocker(service=service, category="housing", agency="a", description="d", raised_on=days_ago(10))
    assert blocker.days_blocked == 10
    blocker.resolved_on = days_ago(4)
    assert blocker.days_blocked == 6


def test_a_case_study_quarter_must_start_on_the_first_of_april_july_october_or_january(service):
    study = CaseStudy(service=service, title="t", narrative="n", quarter_start=datetime.date(2024, 5, 1))
    assert "first day of a quarter" in errors_of(study)["quarter_start"][0]
    assert is_quarter_start(datetime.date(2025, 1, 1)) and not is_quarter_start(datetime.date(2025, 1, 2))


def test_a_case_study_with_consent_names_who_gave_it_and_when(service):
    study = CaseStudy(
        service=service, title="t", narrative="n", quarter_start=datetime.date(2024, 4, 1), consent_recorded=True
    )
    errors = errors_of(study)
    assert {"consent_given_by", "consent_on"} <= set(errors)
    assert not study.usable_in_return
    study.consent_given_by, study.consent_on = "Mum", TODAY
    assert study.usable_in_return


def test_a_case_study_about_another_services_person_is_refused(service, other_service, person):
    study = CaseStudy(
        service=other_service, person=person, title="t", narrative="n", quarter_start=datetime.date(2024, 4, 1)
    )
    assert "person" in errors_of(study)


def test_keywork_starts_at_the_earliest_current_allocation_or_else_the_accepted_referral(
    person, manager, make_user, service
):
    accept_referral(person, manager.user, decided_on=days_ago(100))
    assert keywork_started_on(person) == days_ago(100)
    allocate(person, make_user(service, "keyworker"), days_ago(90), manager.user)
    allocate(person, make_user(service, "keyworker"), days_ago(60), manager.user)
    assert keywork_started_on(person) == days_ago(90)
