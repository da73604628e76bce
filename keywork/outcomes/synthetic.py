"""Synthetic outcomes and system learning for the demo: every name and story is made up.

Goals improve for most people, behaviours of concern fall after the Behaviour Team is involved,
family measures rise from the start, and a few closed referrals have their closing outcomes.
"""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.accounts.models import WorkerType
from keywork.keyworking import operations as keyworking_operations
from keywork.keyworking.models import Allocation, Referral
from keywork.outcomes import operations
from keywork.outcomes.choices import Answer, BehaviourType, BlockerCategory, MeasurePoint
from keywork.outcomes.models import (
    BehaviourRecord,
    CaseStudy,
    ClosingOutcome,
    FamilyMeasure,
    Goal,
    GoalRating,
    SystemBlocker,
)
from keywork.register.choices import Rating

GOALS = [
    ("Go back to school for three mornings a week", "young person and mum"),
    ("Sleep through the night most nights", "young person and dad"),
    ("Go to the short-breaks club once a fortnight", "young person and foster carer"),
    ("Use the communication app to ask for help", "young person and their sister"),
    ("Travel on the bus to college with support", "young person and mum"),
    ("Join the family for a meal out once a month", "young person and grandparents"),
]
AGENCIES = {
    BlockerCategory.EDUCATION_PLACEMENT: "Local authority SEND team",
    BlockerCategory.SOCIAL_CARE_PACKAGE: "Children's social care",
    BlockerCategory.MENTAL_HEALTH_ACCESS: "CAMHS",
    BlockerCategory.SHORT_BREAKS: "Short-breaks provider",
    BlockerCategory.HOUSING: "Local authority housing",
    BlockerCategory.WORKFORCE: "Care provider",
    BlockerCategory.FUNDING_DISPUTE: "Integrated Care Board",
    BlockerCategory.TRANSITION: "Adult social care",
    BlockerCategory.OTHER: "Youth justice service",
}
CASE_STUDIES = [
    ("Back to school after a year out", True),
    ("A short-breaks package that kept a family together", True),
    ("Avoiding admission through a crisis plan agreed at a community C(E)TR", True),
    ("Moving to adult services without a gap in support", False),
]


def seed_outcomes(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has goals, so the demo can run again."""
    if Goal.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"outcomes-{service.slug}-{seed}")
    today = timezone.localdate()
    actor = audit.Actor(users["manager"], service, system_process="demo")
    allocations = Allocation.objects.current().filter(person__service=service).select_related("person")
    started: dict = {}
    for allocation in allocations.order_by("starts_on"):
        started.setdefault(allocation.person, allocation.starts_on)
    people = list(started)
    for index, person in enumerate(people):
        if index % 5 != 4:  # most allocated people, not all: some goals are still to be agreed
            _goals(actor, person, started[person], today, rng)
            _family_measures(actor, person, started[person], today, rng)
    for allocation in allocations.filter(worker_type=WorkerType.BEHAVIOUR_TEAM):
        _behaviours(actor, allocation.person, allocation.starts_on, today, rng)
    _closings(actor, service, today, rng)
    _blockers(actor, service, people, today, rng)
    _case_studies(actor, service, people, today)


def _goals(actor, person, start, today, rng):
    for description, set_with in rng.sample(GOALS, k=rng.choice([1, 2])):
        goal = operations.save_goal(
            actor, Goal(person=person, description=description, set_on=start, set_with=set_with)
        )
        score, rated_on = rng.choice([-2, -1]), start
        while rated_on <= today:
            operations.rate_goal(actor, GoalRating(goal=goal, rated_on=rated_on, score=score))
            # Most goals move up a step every six weeks or so; some stall for a while.
            score = min(2, score + (1 if rng.random() < 0.6 else 0))
            rated_on += datetime.timedelta(days=rng.randint(35, 55))


def _family_measures(actor, person, start, today, rng):
    scores = [rng.randint(2, 5) for _ in FamilyMeasure.SCORES]
    taken_on, point = start + datetime.timedelta(days=7), MeasurePoint.START
    while taken_on <= today:
        measure = FamilyMeasure(
            person=person, taken_on=taken_on, point=point, **dict(zip(FamilyMeasure.SCORES, scores, strict=True))
        )
        operations.save_family_measure(actor, measure)
        scores = [min(10, score + rng.randint(0, 2)) for score in scores]
        taken_on, point = taken_on + datetime.timedelta(days=91), MeasurePoint.THREE_MONTHLY


def _behaviours(actor, person, involved_on, today, rng):
    """Weekly counts for eight weeks before the Behaviour Team's involvement, then falling."""
    monday = involved_on - datetime.timedelta(days=involved_on.weekday() + 8 * 7)
    kinds = rng.sample(BehaviourType.values[:-1], k=2)
    baseline = {kind: rng.randint(6, 14) for kind in kinds}
    week = 0
    while monday <= today and week < 34:
        after = max(0, (monday - involved_on).days // 7)
        for kind in kinds:
            # Falls by about a tenth a week after involvement, to a floor of about a fifth.
            expected = baseline[kind] * max(0.2, 1 - 0.1 * after)
            times = max(0, round(expected + rng.uniform(-1.5, 1.5)))
            severity = max(1, min(5, round(1 + 4 * expected / 14)))
            record = BehaviourRecord(
                person=person, behaviour_type=kind, week_starting=monday, frequency_per_week=times, severity=severity
            )
            operations.save_behaviour_record(actor, record)
        monday += datetime.timedelta(days=7)
        week += 1


def _closings(actor, service, today, rng):
    accepted = Referral.objects.filter(person__service=service, decision="accepted")
    if not accepted.filter(closed_on__isnull=False).exists():
        # The longest-running keywork of people out of hospital steps down; the referrals accepted
        # days ago still wait for a keyworker.
        open_referrals = accepted.filter(closed_on__isnull=True).exclude(person__rating=Rating.BLUE)
        for referral in open_referrals.order_by("decided_on", "id")[:3]:
            referral.closed_on = max(referral.decided_on, today - datetime.timedelta(days=rng.randint(3, 30)))
            referral.closing_reason = "stepped_down"
            referral.closing_notes = "Stepped down to green; the network agreed to carry on without a keyworker."
            keyworking_operations.close_keywork(actor, referral, referral.version)
    for index, referral in enumerate(accepted.filter(closed_on__isnull=False, closing_outcome__isnull=True)):
        avoided = Answer.YES if index % 3 != 2 else Answer.NOT_APPLICABLE
        outcome = ClosingOutcome(
            referral=referral,
            admission_avoided=avoided,
            admission_rationale="Crisis plan and short breaks in place; the community C(E)TR agreed no admission."
            if avoided == Answer.YES
            else "",
            breakdown_prevented=Answer.YES if index % 2 == 0 else Answer.NO,
        )
        operations.save_closing_outcome(actor, outcome, version=0)


def _blockers(actor, service, people, today, rng):
    categories = list(BlockerCategory)
    for index in range(20):
        category = categories[index % len(categories)]
        raised = today - datetime.timedelta(days=rng.randint(5, 330))
        resolved = raised + datetime.timedelta(days=rng.randint(10, 120)) if index % 5 < 3 else None
        blocker = SystemBlocker(
            service=service,
            category=category,
            agency=AGENCIES[category],
            description=f"Waiting on {AGENCIES[category].lower()}: {category.label.lower()} not yet agreed.",
            raised_on=raised,
            resolved_on=resolved if resolved and resolved <= today else None,
            resolution="Agreed at a multi-agency meeting after escalation." if resolved and resolved <= today else "",
        )
        held_up = rng.sample(people, k=min(len(people), rng.randint(1, 2))) if people else []
        operations.save_blocker(actor, blocker, people=held_up)


def _case_studies(actor, service, people, today):
    quarter = datetime.date(today.year, ((today.month - 1) // 3) * 3 + 1, 1)  # Jan, Apr, Jul or Oct
    for index, (title, consented) in enumerate(CASE_STUDIES):
        study = CaseStudy(
            service=service,
            person=people[index] if index < len(people) else None,
            title=title,
            narrative="A young person in the area, their family and the keyworker worked with the network "
            "to agree the support that was missing. (Synthetic demo story.)",
            quarter_start=quarter if index < 2 else _previous_quarter(quarter),
            consent_recorded=consented,
            consent_given_by="Young person and parent" if consented else "",
            consent_on=today if consented else None,
        )
        operations.save_case_study(actor, study)


def _previous_quarter(quarter: datetime.date) -> datetime.date:
    return (
        datetime.date(quarter.year, quarter.month - 3, 1)
        if quarter.month > 3
        else datetime.date(quarter.year - 1, 10, 1)
    )
