"""Demo safeguarding records: statuses for some of the register (children looked after, on plans,
in need; care leavers; adults under safeguarding) and concerns raised by the workers of people in
keywork. Fictitious, like every demo record; each passes the models' own rules."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.safeguarding import operations, rules
from keywork.safeguarding.choices import ConcernCategory, LegalBasis, ReferredTo, StatusKind
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus

LEGAL_BASES = [basis for basis in LegalBasis.values if basis != LegalBasis.NOT_RECORDED]
SOCIAL_WORKERS = ["Jo Bennett", "Priya Shah", "Tom Okafor", "Helen Marsh", "Ravi Patel"]
WHAT_HAPPENED = {
    ConcernCategory.NEGLECT: "Arrived at the visit hungry and in the same clothes as last week; the fridge was empty.",
    ConcernCategory.CRIMINAL_EXPLOITATION: "Said older boys give them money to carry parcels across town.",
    ConcernCategory.SELF_HARM: "Fresh cuts on their forearm; said they did it after a row at home.",
    ConcernCategory.ONLINE: "Showed messages from an adult stranger asking to meet and to keep it secret.",
    ConcernCategory.DOMESTIC_ABUSE: "Told their keyworker the police came to the house after shouting and a fight.",
}


def seed_safeguarding(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has safeguarding records, so the demo can run again."""
    if SafeguardingStatus.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"safeguarding-{service.slug}-{seed}")
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    today = timezone.localdate()
    for person in service.people.order_by("id"):
        kind = _kind_for(person, rng)
        if kind:
            _status(actor, person, kind, rng, today)
    # Through the people's own allocations (keyworking's model), so this app imports nothing above it.
    in_keywork = [person for person in service.people.order_by("id") if person.allocations.current().exists()]
    for person in in_keywork[::6]:
        _concern(service, users, person, rng, today)


def _kind_for(person, rng: random.Random) -> str | None:
    adult = rules.is_adult_on(person.date_of_birth, person.referral_date)
    roll = rng.random()
    if adult:
        return StatusKind.ADULT_SAFEGUARDING if roll < 0.05 else StatusKind.CARE_LEAVER if roll < 0.12 else None
    if roll < 0.15:
        return StatusKind.LOOKED_AFTER
    if roll < 0.22:
        return StatusKind.CHILD_PROTECTION_PLAN
    return StatusKind.CHILD_IN_NEED if roll < 0.32 else None


def _status(actor, person, kind: str, rng: random.Random, today: datetime.date) -> None:
    starts_on = min(person.referral_date - datetime.timedelta(days=rng.randint(0, 400)), today)
    starts_on = max(starts_on, person.date_of_birth, _birthday(person.date_of_birth, rules.ADULT_AGE, kind))
    if kind in rules.CHILDRENS_KINDS and rules.is_adult_on(person.date_of_birth, starts_on):
        return
    ends_on = starts_on + datetime.timedelta(days=rng.randint(90, 500)) if rng.random() < 0.3 else None
    status = SafeguardingStatus(
        person=person,
        kind=kind,
        legal_basis=rng.choice(LEGAL_BASES) if rules.needs_legal_basis(kind) else "",
        starts_on=starts_on,
        ends_on=ends_on if ends_on and ends_on <= today else None,
        local_authority=person.local_authority,
        social_worker=rng.choice(SOCIAL_WORKERS),
        social_worker_contact="01632 960" + str(rng.randint(100, 999)),  # Ofcom's drama numbers
    )
    status.full_clean(exclude=["recorded_by"])
    operations.record_status(actor, status)


def _birthday(born: datetime.date, age: int, kind: str) -> datetime.date:
    """The earliest an adult-only status may start: the 18th birthday (1 March for 29 February)."""
    if kind != StatusKind.ADULT_SAFEGUARDING:
        return born
    try:
        return born.replace(year=born.year + age)
    except ValueError:
        return datetime.date(born.year + age, 3, 1)


def _concern(service, users: dict, person, rng: random.Random, today: datetime.date) -> None:
    allocation = person.allocations.current().select_related("worker").first()
    raised_by = allocation.worker if allocation else users["manager"]
    category = rng.choice(list(WHAT_HAPPENED))
    raised_on = max(today - datetime.timedelta(days=rng.randint(0, 90)), person.date_of_birth)
    adult = rules.is_adult_on(person.date_of_birth, raised_on)
    concern = SafeguardingConcern(
        person=person,
        raised_on=raised_on,
        category=category,
        what_happened=WHAT_HAPPENED[category],
        referred_to=ReferredTo.ADULT_SOCIAL_CARE if adult else ReferredTo.FRONT_DOOR,
    )
    if raised_on < today - datetime.timedelta(days=14):
        concern.outcome_on = raised_on + datetime.timedelta(days=rng.randint(1, 10))
        concern.outcome = "Strategy discussion held; the social worker visits weekly and the network meets monthly."
        concern.follow_up = "Keyworker to check in with the social worker after the next visit"
        concern.follow_up_due_on = concern.outcome_on + datetime.timedelta(days=rng.randint(7, 30))
    concern.full_clean(exclude=["raised_by"])
    operations.raise_concern(audit.Actor(raised_by, service, system_process="demo"), concern)
