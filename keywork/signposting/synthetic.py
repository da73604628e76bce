"""Demo signposting: Peer Associates and keyworkers pointing young people and families to groups and
services near them over the last eight months, most followed up, some still waiting."""

import datetime
import random

from django.utils import timezone

from keywork.signposting.choices import ConnectionKind, Outcome
from keywork.signposting.models import Signposting

PLACES = [
    ("{area} Autism Youth Club", ConnectionKind.COMMUNITY_GROUP),
    ("{area} Parent Carer Forum coffee morning", ConnectionKind.PEER_SUPPORT),
    ("Inclusive swimming at the leisure centre", ConnectionKind.ACTIVITY),
    ("Young carers' project", ConnectionKind.VOLUNTARY_SERVICE),
    ("Sensory-friendly cinema", ConnectionKind.ACTIVITY),
    ("Citizens Advice: Disability Living Allowance claim", ConnectionKind.ADVICE),
    ("Supported internship taster day", ConnectionKind.EDUCATION_WORK),
    ("Short breaks service", ConnectionKind.SOCIAL_CARE),
]


def seed_signposting(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service's people already have signposting, so the demo can run again."""
    if Signposting.objects.filter(person__service=service).exists():
        return
    workers = [users[key] for key in ("peer", "peer", "keyworker", "alex") if users.get(key)]
    if not workers:
        return
    rng = random.Random(f"signposting-{service.slug}-{seed}")
    today = timezone.localdate()
    area = service.local_authorities[0] if service.local_authorities else "Local"
    people = list(service.people.filter(allocations__isnull=False).distinct().order_by("pk"))
    for person in rng.sample(people, min(len(people), 15)):
        for _ in range(rng.randint(1, 3)):
            name, kind = rng.choice(PLACES)
            signposted_on = max(today - datetime.timedelta(days=rng.randint(3, 240)), person.referral_date)
            outcome = rng.choice([Outcome.ATTENDED, Outcome.ATTENDED, Outcome.NOT_TAKEN_UP, Outcome.WAITING])
            outcome_on, notes = None, ""
            if outcome != Outcome.WAITING:
                outcome_on = min(today, signposted_on + datetime.timedelta(days=rng.randint(3, 30)))
            if outcome == Outcome.ATTENDED and rng.random() < 0.3:
                notes = "Went with their mum; wants to go back."
            Signposting.objects.create(
                person=person,
                signposted_on=signposted_on,
                organisation=name.format(area=area),
                kind=kind,
                outcome=outcome,
                outcome_on=outcome_on,
                notes=notes,
                recorded_by=rng.choice(workers),
            )
