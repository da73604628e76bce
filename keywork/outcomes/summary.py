"""Outcome figures for a period, as the quarterly return asks for them (domain.md "Reporting").

Each function takes the service and the first and last day of the period, both included.
"""

import datetime
from statistics import mean

from keywork.outcomes.choices import Answer, BlockerCategory, MeasurePoint
from keywork.outcomes.models import CaseStudy, ClosingOutcome, FamilyMeasure, GoalRating, SystemBlocker


def quarter_outcomes(service, start: datetime.date, end: datetime.date) -> dict:
    closing = ClosingOutcome.objects.filter(
        referral__person__service=service, referral__closed_on__gte=start, referral__closed_on__lte=end
    )
    goals_rated, average_goal_change = _goal_change(service, start, end)
    return {
        "goals_rated": goals_rated,
        "average_goal_change": average_goal_change,
        "family_measures": _family_measure_change(service, end),
        "closings": closing.count(),
        "admissions_avoided": closing.filter(admission_avoided=Answer.YES).count(),
        "breakdowns_prevented": closing.filter(breakdown_prevented=Answer.YES).count(),
    }


def _goal_change(service, start, end) -> tuple[int, float | None]:
    """Goals rated in the period; for them, the mean of (latest rating by `end` − the baseline)."""
    goal_ids = set(
        GoalRating.objects.filter(goal__person__service=service, rated_on__gte=start, rated_on__lte=end).values_list(
            "goal_id", flat=True
        )
    )
    ratings: dict[int, list] = {}
    for rating in GoalRating.objects.filter(goal_id__in=goal_ids).order_by("rated_on", "id"):
        ratings.setdefault(rating.goal_id, []).append(rating)
    changes = []
    for goal_ratings in ratings.values():
        by_end = [rating for rating in goal_ratings if rating.rated_on <= end]
        changes.append(by_end[-1].score - goal_ratings[0].score)
    return len(goal_ids), (round(mean(changes), 2) if changes else None)


def _family_measure_change(service, end) -> dict[str, float | None]:
    """For each family with a start measure and a later one taken by `end`: latest − start, averaged."""
    measures: dict[int, list] = {}
    for measure in FamilyMeasure.objects.filter(person__service=service, taken_on__lte=end).order_by("taken_on", "id"):
        measures.setdefault(measure.person_id, []).append(measure)
    pairs = []
    for person_measures in measures.values():
        start_measure = next((m for m in person_measures if m.point == MeasurePoint.START), None)
        later = (
            [m for m in person_measures if m.point != MeasurePoint.START and m.taken_on >= start_measure.taken_on]
            if start_measure
            else []
        )
        if later:
            pairs.append((start_measure, later[-1]))
    return {
        score: (
            round(mean(getattr(last, score) - getattr(first, score) for first, last in pairs), 2) if pairs else None
        )
        for score in FamilyMeasure.SCORES
    }


def blockers_by_category(service, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Blockers raised in the period, by category label: every category, in the fixed order, zeros too."""
    counts = dict.fromkeys(BlockerCategory.labels, 0)
    raised = SystemBlocker.objects.filter(service=service, raised_on__gte=start, raised_on__lte=end)
    for category in raised.values_list("category", flat=True):
        counts[BlockerCategory(category).label] += 1
    return counts


def case_studies_for(service, start: datetime.date, end: datetime.date) -> list[CaseStudy]:
    """Case studies for a quarter in the period that may be published: consent recorded."""
    return list(
        CaseStudy.objects.filter(
            service=service, quarter_start__gte=start, quarter_start__lte=end, consent_recorded=True
        ).order_by("quarter_start", "title")
    )
