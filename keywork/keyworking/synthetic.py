"""Synthetic keyworking records for the demo: referrals, allocations, networks, contacts, plans
and escalations around the register's synthetic people. Every name is made up."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.accounts.models import WorkerType
from keywork.keyworking import operations
from keywork.keyworking.choices import AgencyType, ContactType, EscalationLevel, ReferralDecision, ReferralRoute
from keywork.keyworking.models import (
    Allocation,
    Contact,
    Escalation,
    FollowUp,
    Involvement,
    Professional,
    Referral,
    SupportPlan,
)
from keywork.register.synthetic import FAMILY_NAMES, GIVEN_NAMES

PROFESSIONAL_ROLES = [
    ("Allocated social worker", "Children's Social Work Services", AgencyType.SOCIAL_CARE),
    ("CAMHS clinician", "Children and Young People's Mental Health Service", AgencyType.MENTAL_HEALTH),
    ("SENCo", "Oakfield Academy", AgencyType.EDUCATION),
    ("GP", "Riverside Surgery", AgencyType.PRIMARY_CARE),
    ("Short breaks coordinator", "Short Breaks Service", AgencyType.SHORT_BREAKS),
    ("Registered manager", "Willow House Care", AgencyType.CARE_PROVIDER),
    ("Youth justice officer", "Youth Justice Service", AgencyType.POLICE),
]
NOTES = [
    "Visited at home with mum. Sleep has improved since the new routine; school transport still a worry.",
    "Multi-agency meeting: agreed short breaks increase while the care package is reviewed.",
    "Call with the school SENCo about reduced timetable; plan to return to full days after half term.",
    "Family report two incidents this week; behaviour team to visit and update the strategies.",
]


# An ordinary day's queues: the last few people referred wait for a decision or a keyworker, for days.
PENDING_REFERRALS = 3
AWAITING_ALLOCATION = 2
# Who shows what on the work lists, by position among the allocated (the first are in hospital):
# every tenth person, from the eighth, has not been contacted for a few weeks; a couple of
# follow-ups and escalations are still outstanding. Their keywork began in the last few months,
# so that the longest-running keywork, which the demo's outcomes close, is someone else's.
OVERDUE_FOLLOW_UPS = (6, 16)
ESCALATIONS_AWAITING = (0, 10)


def seed_keywork(service, users: dict, people: list, seed: int = 0) -> None:
    """Give `people` (the most at risk first) a referral and, for most, workers and a history of
    contacts, follow-ups and escalations as on an ordinary day: recent contacts, most follow-ups
    done, the last few people referred waiting days (not months) for a decision or a keyworker.
    Does nothing if the service already has referrals, so the demo can run again."""
    if Referral.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"keywork-{service.slug}-{seed}")
    manager = users["manager"]
    # Recorded as the demo's manager, marked as made by the demo set-up.
    actor = audit.Actor(manager, service, system_process="demo")
    professionals = _professionals(service, rng)
    allocated = len(people) - PENDING_REFERRALS - AWAITING_ALLOCATION
    keyworkers = [u for u in users.values() if u.worker_type == WorkerType.PRACTICE_CONSULTANT]
    for index, person in enumerate(people):
        with transaction.atomic():
            if index >= allocated + AWAITING_ALLOCATION:
                _referral(actor, person, manager, rng, received_days_ago=rng.randint(1, 8), decided=False)
                continue
            if index >= allocated:
                _referral(actor, person, manager, rng, received_days_ago=rng.randint(4, 9))
                continue
            listed = index in OVERDUE_FOLLOW_UPS + ESCALATIONS_AWAITING or _not_contacted_lately(index)
            received_days_ago = rng.randint(30, 120) if listed else rng.randint(30, 300)
            referral = _referral(actor, person, manager, rng, received_days_ago=received_days_ago)
            keyworker = keyworkers[index % len(keyworkers)]
            # Every fifth person is a complex case for their keyworker (caseload weighting's uplift).
            _allocate(actor, person, keyworker, referral, is_complex=index % 5 == 2)
            if index % 3 == 0:
                _allocate(actor, person, users["behaviour"], referral)
            if index % 4 == 0:
                _allocate(actor, person, users["peer"], referral)
            _network(person, professionals, rng)
            _contacts(person, keyworker, referral, rng, index)
            _plan(person, keyworker, rng)
            if index % 5 == 0:
                _escalation(person, manager, rng, awaiting=index in ESCALATIONS_AWAITING)


def _not_contacted_lately(index: int) -> bool:
    return index % 10 == 7


def _days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


def _professionals(service, rng):
    made = []
    for number in range(14):
        role, organisation, agency = PROFESSIONAL_ROLES[number % len(PROFESSIONAL_ROLES)]
        made.append(
            Professional.objects.create(
                service=service,
                name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
                role=role,
                organisation=organisation,
                agency_type=agency,
                phone=f"01632 {rng.randint(100000, 999999)}",
            )
        )
    return made


def _referral(actor, person, manager, rng, received_days_ago: int, decided: bool = True):
    received = max(person.referral_date, _days_ago(received_days_ago))
    referral = Referral(
        person=person,
        route=ReferralRoute.DSR,
        received_on=received,
        referrer_name="DSR meeting",
        referrer_organisation=person.service.name,
        reason="Rated at risk at the DSR meeting",
    )
    if decided:
        referral.decision, referral.decided_by = ReferralDecision.ACCEPTED, manager
        referral.decided_on = min(received + datetime.timedelta(days=rng.randint(1, 3)), _days_ago(1))
        referral.decided_on = max(referral.decided_on, received)
    return operations.record_referral(actor, person, referral)


def _allocate(actor, person, worker, referral, is_complex=False):
    starts = min(referral.decided_on + datetime.timedelta(days=3), timezone.localdate())
    allocation = Allocation(
        person=person,
        worker=worker,
        worker_type=worker.worker_type,
        starts_on=starts,
        reason="Allocated at the allocation meeting",
        is_complex=is_complex,
    )
    operations.allocate(actor, allocation)


def _network(person, professionals, rng):
    for number, professional in enumerate(rng.sample(professionals, k=3)):
        Involvement.objects.create(
            person=person, professional=professional, role_for_person=professional.role, is_lead=number == 0
        )


def _contacts(person, worker, referral, rng, index):
    """A contact every four weeks or so since keywork began, the latest in the last fortnight (but
    for those not contacted lately), each with a follow-up: done once due, but for the
    latest contact's, which is due soon, or overdue for the people in OVERDUE_FOLLOW_UPS."""
    today = timezone.localdate()
    since_start = (today - referral.decided_on).days
    latest = rng.randint(16, 35) if _not_contacted_lately(index) else rng.randint(1, 12)
    latest = min(latest, since_start)
    days = [latest] + list(range(latest + rng.randint(14, 28), since_start, 28))[:3]
    for number, days_ago in enumerate(days):
        when = timezone.now() - datetime.timedelta(days=days_ago, hours=rng.randint(0, 8))
        contact = Contact.objects.create(
            person=person,
            occurred_at=when,
            contact_type=rng.choice(ContactType.values),
            duration_minutes=60,
            notes=rng.choice(NOTES),
            restricted=rng.random() < 0.2,
            recorded_by=worker,
        )
        contact.workers.add(worker)
        on = timezone.localtime(when).date()
        due = on + datetime.timedelta(days=rng.randint(3, 14))
        if number == 0 and index in OVERDUE_FOLLOW_UPS:
            due = max(on, today - datetime.timedelta(days=rng.randint(1, 5)))
        FollowUp.objects.create(
            contact=contact,
            person=person,
            owner=worker,
            due_on=due,
            done_on=min(due, today) if due < today and not (number == 0 and index in OVERDUE_FOLLOW_UPS) else None,
            description="Chase the care package review date",
        )


# The demo's support plan; tests/test_easy_read.py checks its easy-read version reads easily.
DEMO_PLAN = {
    "what_helps": "A calm space, visual timetable, warning before changes.",
    "triggers": "Loud noise, unexpected changes to routine, crowded places.",
    "early_warning_signs": "Pacing, covering ears, refusing food.",
    "who_to_call": "Mum first; then the keyworker; out of hours the crisis line.",
    "agreed_responses": "Reduce demands, offer the sensory box, one familiar adult stays.",
}


def _plan(person, worker, rng):
    SupportPlan.objects.create(person=person, version=1, saved_by=worker, **DEMO_PLAN)


def _escalation(person, manager, rng, awaiting: bool):
    """An escalation awaiting its response (due in the days ahead), or one answered and resolved."""
    escalated = _days_ago(rng.randint(2, 6) if awaiting else rng.randint(20, 90))
    escalation = Escalation(
        person=person,
        issue="Care package review overdue; no date from the provider.",
        escalated_to="Children's Social Work Services",
        level=EscalationLevel.MANAGER,
        escalated_on=escalated,
        response_due_on=escalated + datetime.timedelta(days=10),
        raised_by=manager,
    )
    if not awaiting:
        escalation.responded_on = escalated + datetime.timedelta(days=rng.randint(3, 9))
        escalation.response = "Review date agreed with the provider."
        escalation.resolved_on = escalation.responded_on
    escalation.save()
