"""The demo's admissions since 2020 and its C(E)TRs: Kent and Medway's published trend, then
quieter years to last month, and one admission days ago whose post-admission C(E)TR is booked for
the week ahead, so the census, the inpatient list and the work lists all have content."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.inpatient import operations
from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import Admission
from keywork.inpatient.synthetic import HOSPITALS, KENT_AND_MEDWAY_TREND, admissions_following, recent_trend
from keywork.register.choices import Rating, RegisterStatus
from keywork.reviews import operations as reviews
from keywork.reviews.choices import ReviewKind
from keywork.reviews.models import Review
from keywork.reviews.rules import post_admission_review_due
from keywork.reviews.synthetic import seed_reviews

# The new admission's post-admission C(E)TR falls due at most this many days ahead.
REVIEW_DUE_WITHIN_DAYS = 5


def seed_hospital_history(service, users: dict, seed: int, published_trend: bool) -> None:
    """Does nothing if the service already has admissions, so the demo can run again."""
    if Admission.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"hospital-{service.slug}-{seed}")
    today = timezone.localdate()
    # Month-end figures up to last month: the trend's admissions (on the 3rd) and discharges (on
    # the 14th) are then all in the past, whatever day of the month the demo is loaded.
    last_month_end = today.replace(day=1) - datetime.timedelta(days=1)
    trend = dict(KENT_AND_MEDWAY_TREND) if published_trend else {}
    trend |= recent_trend(
        datetime.date(2023, 7, 1) if published_trend else datetime.date(2025, 1, 1),
        last_month_end,
        rng,
        low=1 if not published_trend else 2,
    )
    # Youngest first: someone admitted in 2020 should still be under 26 today.
    people = list(service.people.filter(rating__in=["red", "amber"]).order_by("-date_of_birth")[:60])
    rng.shuffle(people)
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    current = admissions_following(trend, people, actor, rng)
    _admitted_days_ago(service, actor, rng, today)
    in_hospital = Admission.objects.in_hospital_on(today).values("person_id")
    at_risk = list(service.people.filter(rating="red").exclude(pk__in=in_hospital).order_by("id")[:6])
    seed_reviews(current, at_risk, actor, rng)


def _admitted_days_ago(service, actor, rng, today) -> None:
    """A red-rated person admitted about a week and a half ago: their post-admission C(E)TR is
    booked for its due date, in the week ahead."""
    admitted_on = _admitted_on(service, today)
    person = (
        service.people.filter(status=RegisterStatus.ACTIVE, rating=Rating.RED, rating_effective_on__lt=admitted_on)
        .exclude(pk__in=Admission.objects.in_hospital_on(today).values("person_id"))
        .order_by("-date_of_birth", "id")
        .first()
    )
    if person is None:
        return
    hospital, unit, unit_type, miles = rng.choice(HOSPITALS)
    admission = Admission(
        person=person, hospital=hospital, unit=unit, unit_type=unit_type, distance_miles=miles, admitted_on=admitted_on
    )
    operations.record_admission(actor, admission, LegalStatus.SECTION_2)
    due = post_admission_review_due(admitted_on, service)
    review = Review(
        person=person,
        kind=ReviewKind.POST_ADMISSION,
        includes_education=person.ehcp == "yes",
        requested_on=admitted_on,
        scheduled_on=due,
        chair="ICB commissioner",
    )
    reviews.save_review(actor, review)


def _admitted_on(service, today: datetime.date) -> datetime.date:
    """The latest day before today whose post-admission C(E)TR (due in working days, so counted
    with the service's rule) falls due within REVIEW_DUE_WITHIN_DAYS days."""
    day = today - datetime.timedelta(days=1)
    while post_admission_review_due(day, service) > today + datetime.timedelta(days=REVIEW_DUE_WITHIN_DAYS):
        day -= datetime.timedelta(days=1)
    return day
