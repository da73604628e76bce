"""Outcomes (goals, behaviours, family measures, closing outcomes) and system learning (blockers,
case studies): the evidence the programme reports to NHS England each quarter."""

from keywork.outcomes.models.person_outcomes import BehaviourRecord, ClosingOutcome, FamilyMeasure, Goal, GoalRating
from keywork.outcomes.models.system_learning import CaseStudy, SystemBlocker

__all__ = ["BehaviourRecord", "CaseStudy", "ClosingOutcome", "FamilyMeasure", "Goal", "GoalRating", "SystemBlocker"]
