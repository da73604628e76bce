"""The figures the quarterly return takes from outcomes, checked against sums done by hand.

The period is the first quarter of 2024/25: 1 April to 30 June 2024.
"""

import datetime

import pytest

from keywork.outcomes.choices import BlockerCategory
from keywork.outcomes.models import CaseStudy, ClosingOutcome, FamilyMeasure, Goal, GoalRating, SystemBlocker
from keywork.outcomes.summary import blockers_by_category, case_studies_for, quarter_outcomes
from keywork.testing.factories import accept_referral

D = datetime.date
START, END = D(2024, 4, 1), D(2024, 6, 30)


@pytest.fixture
def people(service, manager, add_person):
    return [add_person(service, manager.user) for _ in range(3)]


@pytest.fixture
def stranger(other_service, make_user, add_person):
    return add_person(other_service, make_user(other_service, "coordinator"))


def goal_with(person, *ratings):
    goal = Goal.objects.create(person=person, description="d", set_on=D(2024, 1, 1), set_with="mum")
    for rated_on, score in ratings:
        GoalRating.objects.create(goal=goal, rated_on=rated_on, score=score)
    return goal


def measure(person, taken_on, point, scores):
    FamilyMeasure.objects.create(
        person=person, taken_on=taken_on, point=point, **dict(zip(FamilyMeasure.SCORES, scores, strict=True))
    )


def closed(person, by, closed_on, avoided, breakdown):
    referral = accept_referral(person, by, decided_on=D(2023, 6, 1), closed_on=closed_on)
    rationale = "reason" if avoided in ("yes", "no") else ""
    ClosingOutcome.objects.create(
        referral=referral, admission_avoided=avoided, admission_rationale=rationale, breakdown_prevented=breakdown
    )


def test_goals_rated_in_the_quarter_and_their_mean_change_from_baseline_to_the_latest_by_the_end(
    service, people, stranger
):
    a, b, c = people
    goal_with(a, (D(2024, 1, 10), -2), (D(2024, 5, 1), 0), (D(2024, 8, 1), 2))  # 0 - (-2) = 2; August is after
    goal_with(b, (D(2024, 4, 15), -1), (D(2024, 6, 30), 0))  # 0 - (-1) = 1
    goal_with(c, (D(2024, 2, 1), -1), (D(2024, 3, 1), 0))  # not rated in the quarter
    goal_with(stranger, (D(2024, 5, 1), -2), (D(2024, 6, 1), 2))  # another service
    figures = quarter_outcomes(service, START, END)
    assert figures["goals_rated"] == 2
    assert figures["average_goal_change"] == 1.5  # (2 + 1) / 2


def test_with_no_goals_rated_the_average_change_is_none(service, people):
    figures = quarter_outcomes(service, START, END)
    assert figures["goals_rated"] == 0 and figures["average_goal_change"] is None


def test_family_measures_change_is_the_mean_of_latest_by_the_end_minus_start_for_families_with_both(service, people):
    a, b, c = people
    measure(a, D(2024, 1, 5), "start", (3, 4, 5))
    measure(a, D(2024, 4, 5), "three_monthly", (5, 4, 6))  # +2, 0, +1
    measure(a, D(2024, 7, 5), "three_monthly", (9, 9, 9))  # after the end: not counted
    measure(b, D(2024, 2, 1), "start", (2, 2, 2))
    measure(b, D(2024, 6, 1), "closing", (6, 3, 2))  # +4, +1, 0
    measure(c, D(2024, 2, 1), "start", (1, 1, 1))  # start only: not counted
    assert quarter_outcomes(service, START, END)["family_measures"] == {
        "quality_of_life": 3.0,  # (2 + 4) / 2
        "confidence_managing": 0.5,  # (0 + 1) / 2
        "feeling_listened_to": 0.5,  # (1 + 0) / 2
    }


def test_family_measures_are_none_without_a_family_measured_twice(service, people):
    measure(people[0], D(2024, 2, 1), "start", (1, 1, 1))
    assert set(quarter_outcomes(service, START, END)["family_measures"].values()) == {None}


def test_closing_outcomes_count_referrals_closed_in_the_quarter(service, people, manager):
    a, b, c = people
    closed(a, manager.user, D(2024, 5, 10), "yes", "yes")
    closed(b, manager.user, D(2024, 6, 30), "no", "not_applicable")
    closed(c, manager.user, D(2024, 4, 1), "not_applicable", "yes")
    closed(a, manager.user, D(2024, 7, 1), "yes", "yes")  # closed after the quarter
    figures = quarter_outcomes(service, START, END)
    assert (figures["closings"], figures["admissions_avoided"], figures["breakdowns_prevented"]) == (3, 1, 2)


def test_blockers_raised_in_the_quarter_are_counted_by_category_label(service, other_service):
    def blocker(on, category, where=service):
        SystemBlocker.objects.create(service=where, category=category, agency="a", description="d", raised_on=on)

    blocker(D(2024, 4, 1), "housing")
    blocker(D(2024, 6, 30), "housing")
    blocker(D(2024, 5, 5), "mental_health_access")
    blocker(D(2024, 3, 31), "housing")  # before the quarter
    blocker(D(2024, 5, 5), "housing", other_service)
    counts = blockers_by_category(service, START, END)
    assert list(counts) == BlockerCategory.labels
    assert counts["Housing"] == 2 and counts["CAMHS / mental health access"] == 1
    assert sum(counts.values()) == 3


def test_case_studies_for_the_quarter_are_those_with_consent_recorded(service, other_service):
    def study(title, quarter_start, consent, where=service):
        return CaseStudy.objects.create(
            service=where,
            title=title,
            narrative="n",
            quarter_start=quarter_start,
            consent_recorded=consent,
            consent_given_by="Mum" if consent else "",
            consent_on=D(2024, 4, 2) if consent else None,
        )

    usable = study("Usable", D(2024, 4, 1), True)
    study("No consent", D(2024, 4, 1), False)
    study("Next quarter", D(2024, 7, 1), True)
    study("Elsewhere", D(2024, 4, 1), True, other_service)
    assert case_studies_for(service, START, END) == [usable]
