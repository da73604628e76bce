"""Build the national data set area by area: each area in one transaction, every table written
with bulk_create, nothing saved row by row. Areas that already exist are skipped, so running it
again adds nothing; each area has its own random generator, so a seed gives the same data."""

import datetime
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.education.models import Ehcp
from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.keyworking.models import Allocation, Contact, FollowUp, Referral
from keywork.national import areas as area_setup
from keywork.national import care, people
from keywork.outcomes.models import Goal, GoalRating
from keywork.register.models import Consent, Person, RatingChange
from keywork.reviews.models import Action, Review
from keywork.services.models import Service

BATCH_SIZE = 5000
LABELS = {Person: "people", Contact.workers.through: "contact workers"}


@dataclass(frozen=True)
class Sizes:
    """The whole data set's size; each area gets an even share (the first few one more)."""

    areas: int = 42
    people: int = 50_000
    years: int = 5
    contacts: int = 2_000_000
    reviews: int = 100_000
    seed: int = 0

    def share(self, total: int, number: int) -> int:
        return total // self.areas + (1 if number <= total % self.areas else 0)


def build_national(
    sizes: Sizes, progress: Callable[[int], None] | None = None, say: Callable[[str], None] | None = None
) -> Counter:
    """Build every area not yet in the database; return the rows written, by table."""
    today = timezone.localdate()
    wanted = {area_setup.slug(number): number for number in range(1, sizes.areas + 1)}
    existing = set(Service.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    counts: Counter = Counter()
    for slug, number in wanted.items():
        if slug in existing:
            if say:
                say(f"Skipped {area_setup.new_service(number).name}: it already exists")
            counts["areas skipped"] += 1
        else:
            counts += build_area(number, sizes, today)
            counts["areas"] += 1
        if progress:
            progress(1)
    return counts


@transaction.atomic
def build_area(number: int, sizes: Sizes, today: datetime.date) -> Counter:
    rng = random.Random(f"national-{sizes.seed}-{number}")
    area = area_setup.create_area(number, rng)
    coordinator = area.coordinator
    records = people.build_people(area, sizes.share(sizes.people, number), sizes.years, coordinator, rng, today)
    counts: Counter = Counter(users=len(area.keyworkers) + 2)

    def write(model, rows):
        model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        counts[LABELS.get(model, model._meta.verbose_name_plural)] += len(rows)
        return rows

    persons = write(Person, [record.person for record in records])
    write(RatingChange, [change for record in records for change in record.history])
    write(Ehcp, [record.ehcp for record in records])
    write(Consent, people.consents(records, coordinator, rng))
    admitted = people.build_admissions(records, coordinator, rng)
    write(Admission, [admission for admission, _ in admitted])
    write(LegalStatusChange, people.legal_statuses(admitted, coordinator))

    referrals = care.build_referrals(records, area, rng, today)
    allocations = care.build_allocations(referrals, area, rng, today)  # closes some referrals
    write(Referral, referrals)
    write(Allocation, allocations)
    contacts, links = care.build_contacts(allocations, records, sizes.share(sizes.contacts, number), area, rng, today)
    write(Contact, contacts)
    Through = Contact.workers.through
    write(
        Through, [Through(contact_id=c.pk, user_id=worker.pk) for c, (worker, _) in zip(contacts, links, strict=True)]
    )
    follow_ups = []
    for contact, (_, follow_up) in zip(contacts, links, strict=True):
        if follow_up is not None:
            follow_up.contact = contact
            follow_ups.append(follow_up)
    write(FollowUp, follow_ups)

    reviews = write(Review, care.build_reviews(records, sizes.share(sizes.reviews, number), area, rng, today))
    write(Action, care.build_actions(reviews, rng, today))
    goals, ratings = care.build_goals(allocations, area, rng, today)
    write(Goal, goals)
    for goal, scored in zip(goals, ratings, strict=True):
        for rating in scored:
            rating.goal = goal
    write(GoalRating, [rating for scored in ratings for rating in scored])

    audit.record_many(audit.Actor.system("seed", area.service), Operation.CREATE, persons)
    counts["audit entries"] += len(persons)
    return counts
