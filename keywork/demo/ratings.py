"""The demo's DSR reviews, brought into date on the day it is loaded: the synthetic rating
histories end on any day of the last two years, so without this most reviews would be months
overdue. Each person's latest rating is confirmed at a review within its interval (a review that
keeps the rating is recorded as a change to the same rating), but for a handful left overdue by
days or weeks, as in a service on an ordinary day.

Run again the same day it finds nothing to do; on a later day it brings the demo into date again."""

import datetime
import random

from django.db.models import Exists, OuterRef
from django.utils import timezone

from keywork import audit
from keywork.inpatient.models import Admission
from keywork.keyworking.models import Allocation
from keywork.register import operations, rules
from keywork.register.choices import Rating, RegisterStatus
from keywork.register.models import RatingChange

LEFT_OVERDUE = 4  # people whose review stays overdue, none of them the keyworker's
KEYWORKER_LEFT_OVERDUE = 1  # and one of the keyworker's people
MOST_DAYS_OVERDUE = 21
CONFIRMED = "Reviewed at the DSR meeting: the rating stays the same."


def review_ratings(service, users: dict) -> None:
    today = timezone.localdate()
    rng = random.Random(f"ratings-{service.slug}-{today}")
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    keyworkers = Allocation.objects.current().filter(worker=users["keyworker"], person=OuterRef("pk"))
    active = service.people.filter(status=RegisterStatus.ACTIVE).exclude(rating="")
    overdue = active.filter(next_review_due__lt=today).annotate(mine=Exists(keyworkers)).order_by("mine", "id")
    left = [p for p in overdue if not p.mine][:LEFT_OVERDUE] + [p for p in overdue if p.mine][:KEYWORKER_LEFT_OVERDUE]
    for person in overdue:
        interval = service.review_interval_days(person.rating)
        if person not in left:
            _review(actor, person, today - datetime.timedelta(days=rng.randint(0, interval - 1)))
        elif (today - person.next_review_due).days > MOST_DAYS_OVERDUE:
            _review(actor, person, today - datetime.timedelta(days=interval + rng.randint(2, MOST_DAYS_OVERDUE)))


def _review(actor, person, on: datetime.date) -> None:
    rating = person.rating
    if rules.review_rating_refusal(person, rating, on):
        # In hospital (blue until discharge) or just discharged (red for the service's days).
        rating = Rating.BLUE if Admission.objects.in_hospital_on(on).filter(person=person).exists() else Rating.RED
    latest = person.rating_changes.order_by("-effective_on", "-id").first()
    change = RatingChange(rating=rating, effective_on=on, reason=CONFIRMED, risk_factors=latest.risk_factors)
    operations.change_rating(actor, person, change)
