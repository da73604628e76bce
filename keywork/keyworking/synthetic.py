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


def seed_keywork(service, users: dict, count: int = 40, seed: int = 0) -> None:
    """Give `count` of the service's most at-risk people a referral, workers and a history.
    Does nothing if the service already has referrals, so the demo can run again."""
    if Referral.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"keywork-{service.slug}-{seed}")
    manager = users["manager"]
    # Recorded as the demo's manager, marked as made by the demo set-up.
    actor = audit.Actor(manager, service, system_process="demo")
    professionals = _professionals(service, rng)
    people = list(service.people.filter(rating__in=["red", "amber", "blue"]).order_by("id")[:count])
    keyworkers = [u for u in users.values() if u.worker_type == WorkerType.PRACTICE_CONSULTANT]
    for index, person in enumerate(people):
        with transaction.atomic():
            referral = _referral(actor, person, manager, rng)
            if index < len(people) - 6:  # a few accepted referrals stay waiting on the board
                _allocate(actor, person, keyworkers[index % len(keyworkers)], referral)
                if index % 3 == 0:
                    _allocate(actor, person, users["behaviour"], referral)
                if index % 4 == 0:
                    _allocate(actor, person, users["peer"], referral)
                _network(person, professionals, rng)
                _contacts(actor, person, keyworkers[index % len(keyworkers)], rng)
                _plan(person, keyworkers[index % len(keyworkers)], rng)
                if index % 5 == 0:
                    _escalation(person, manager, rng)


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


def _referral(actor, person, manager, rng):
    received = max(person.referral_date, _days_ago(300))
    referral = Referral(
        person=person,
        route=ReferralRoute.DSR,
        received_on=received,
        referrer_name="DSR meeting",
        referrer_organisation=person.service.name,
        reason="Rated at risk at the DSR meeting",
        decision=ReferralDecision.ACCEPTED,
        decided_on=min(received + datetime.timedelta(days=rng.randint(1, 10)), timezone.localdate()),
        decided_by=manager,
    )
    return operations.record_referral(actor, person, referral)


def _allocate(actor, person, worker, referral):
    starts = min(referral.decided_on + datetime.timedelta(days=3), timezone.localdate())
    allocation = Allocation(
        person=person,
        worker=worker,
        worker_type=worker.worker_type,
        starts_on=starts,
        reason="Allocated at the allocation meeting",
    )
    operations.allocate(actor, allocation)


def _network(person, professionals, rng):
    for number, professional in enumerate(rng.sample(professionals, k=3)):
        Involvement.objects.create(
            person=person, professional=professional, role_for_person=professional.role, is_lead=number == 0
        )


def _contacts(actor, person, worker, rng):
    for _ in range(rng.randint(1, 3)):
        when = timezone.now() - datetime.timedelta(days=rng.randint(1, 60), hours=rng.randint(0, 8))
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
        due = timezone.localtime(when).date() + datetime.timedelta(days=rng.randint(3, 40))
        FollowUp.objects.create(
            contact=contact, person=person, owner=worker, due_on=due, description="Chase the care package review date"
        )


def _plan(person, worker, rng):
    SupportPlan.objects.create(
        person=person,
        version=1,
        saved_by=worker,
        what_helps="A calm space, visual timetable, warning before changes.",
        triggers="Loud noise, unexpected changes to routine, crowded places.",
        early_warning_signs="Pacing, covering ears, refusing food.",
        who_to_call="Mum first; then the keyworker; out of hours the crisis line.",
        agreed_responses="Reduce demands, offer the sensory box, one familiar adult stays.",
    )


def _escalation(person, manager, rng):
    escalated = _days_ago(rng.randint(5, 40))
    Escalation.objects.create(
        person=person,
        issue="Care package review overdue; no date from the provider.",
        escalated_to="Children's Social Work Services",
        level=EscalationLevel.MANAGER,
        escalated_on=escalated,
        response_due_on=escalated + datetime.timedelta(days=10),
        raised_by=manager,
    )
