"""Demo transition plans: made up, like every demo record, and each passes the model's own rules.

Most people aged 14 or over have a plan, agreed some months ago; most of those past 17 and a half
have been referred to adult services; and most who have turned 18 since their consent was recorded
have consented again themselves. The rest are left for the work lists to prompt."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.audit.saving import save_versioned
from keywork.register.choices import ConsentBasis
from keywork.register.models import Consent
from keywork.transition import rules
from keywork.transition.choices import AREAS, AreaStatus
from keywork.transition.models import TransitionPlan

OWNERS = {
    "social_care": "Adult social care transitions team",
    "health": "Community learning disability team",
    "housing": "Housing options team",
    "employment": "Further education college",
}
ADULT_TEAMS = ["Adult social care", "Community learning disability team", "Adult mental health team"]


def seed_transition(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service's people already have plans, so the demo can run again."""
    if TransitionPlan.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"transition-{service.slug}-{seed}")
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    today = timezone.localdate()
    for person in service.people.filter(date_of_birth__lte=rules.born_by(today, rules.TRANSITION_PLAN_FROM)):
        if rng.random() < 0.75:
            save_versioned(actor, plan_for(person, rng, today))
        if rules.has_reached(person.date_of_birth, rules.CONSENT_RECHECK_AT, today) and rng.random() < 0.75:
            _consent_again(person, users["coordinator"], today)


def plan_for(person, rng, today) -> TransitionPlan:
    earliest = max(rules.reaches(person.date_of_birth, rules.TRANSITION_PLAN_FROM), person.referral_date)
    agreed = min(today, earliest + datetime.timedelta(days=rng.randint(0, 200)))
    plan = TransitionPlan(person=person, agreed_on=agreed, review_on=agreed + datetime.timedelta(days=365))
    for prefix, _ in AREAS:
        setattr(plan, f"{prefix}_status", rng.choice(AreaStatus.values))
        setattr(plan, f"{prefix}_owner", OWNERS[prefix])
    referral_due = rules.reaches(person.date_of_birth, rules.ADULT_SERVICES_REFERRAL_FROM)
    if referral_due <= today and rng.random() < 0.8:
        plan.adult_services_referred_on = min(today, max(agreed, referral_due) + datetime.timedelta(days=30))
        plan.adult_services_referred_to = rng.choice(ADULT_TEAMS)
    plan.full_clean(exclude=["recorded_by"])
    return plan


def _consent_again(person, by, today) -> None:
    """The young person's own consent, recorded again after their 18th birthday."""
    turned_18 = rules.reaches(person.date_of_birth, rules.CONSENT_RECHECK_AT)
    if person.consents.filter(decided_on__gte=turned_18, basis=ConsentBasis.PERSON).exists():
        return
    on = min(today, max(turned_18, person.referral_date) + datetime.timedelta(days=14))
    Consent.objects.create(
        person=person, basis=ConsentBasis.PERSON, given_by=person.full_name, decided_on=on, recorded_by=by
    )
