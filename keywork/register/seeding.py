"""Writing synthetic people in bulk: the seed command, the demo and the benchmarks use this."""

import random

from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.register.models import Consent, Person, RatingChange
from keywork.register.synthetic import apply_current_rating, build_consent, build_history, build_person


def seed_people(
    service, count: int, decided_by, seed: int = 0, batch_size: int = 500, progress=None, referred_between=None
) -> int:
    """Add `count` synthetic people, with consent and rating history, to `service`; return how many.
    `referred_between`: the first and last referral dates (by default, the last two years)."""
    rng = random.Random(f"{service.slug}-{seed}")
    today = timezone.localdate()
    taken = set(Person.objects.filter(service=service).values_list("nhs_number", flat=True))
    actor = audit.Actor.system("seed", service)
    made = 0
    while made < count:
        size = min(batch_size, count - made)
        made += _seed_batch(service, size, decided_by, rng, today, taken, actor, referred_between)
        if progress:
            progress(size)
    return made


@transaction.atomic
def _seed_batch(service, size, decided_by, rng, today, taken, actor, referred_between) -> int:
    people, histories = [], []
    while len(people) < size:
        person = build_person(service, rng, today, referred_between)
        if person.nhs_number in taken:
            continue
        taken.add(person.nhs_number)
        history = build_history(person, decided_by, rng, today)
        apply_current_rating(person, history)
        people.append(person)
        histories.append(history)
    Person.objects.bulk_create(people)
    changes, consents = [], []
    for person, history in zip(people, histories, strict=True):
        for change in history:
            change.person = person
        changes += history
        consents.append(build_consent(person, decided_by, rng))
    RatingChange.objects.bulk_create(changes)
    Consent.objects.bulk_create(consents)
    audit.record_many(actor, Operation.CREATE, people)
    return len(people)
