"""The demo's admissions since 2020 and its C(E)TRs: Kent and Medway's published trend, then
quieter years to last month, and one admission days ago whose post-admission C(E)TR is booked for
the week ahead, so the census, the inpatient list and the work lists all have content."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from keywork import audit
from keywork.education.models import has_ehcp
from keywork.inpatient import operations
from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import Admission
from keywork.inpatient.synthetic import (
    HOSPITALS,
    KENT_AND_MEDWAY_TREND,
    admissions_following,
    recent_trend,
    referred_by,
)
from keywork.register import rules
from keywork.register.choices import Rating, RatingCause, RegisterStatus
from keywork.reviews import operations as reviews
from keywork.reviews.choices import ReviewKind
from keywork.reviews.models import Review
from keywork.reviews.rules import post_admission_review_due
from keywork.reviews.synthetic import seed_before_admission, seed_reviews

# The new admission's post-admission C(E)TR falls due at most this many days ahead.
REVIEW_DUE_WITHIN_DAYS = 5
# Children this young are rarely admitted to a mental health hospital.
YOUNGEST_ADMITTED = 10
IN_HOSPITAL = "Reviewed at the DSR meeting while in hospital: blue until discharge."
JUST_DISCHARGED = "Reviewed at the DSR meeting soon after discharge: red for now."


def hospital_history_starts(published_trend: bool) -> datetime.date:
    """Kent and Medway's published trend starts in January 2020; the quieter service's in 2025."""
    return datetime.date(2020, 1, 1) if published_trend else datetime.date(2025, 1, 1)


@transaction.atomic  # one commit, not one for each of hundreds of records: the demo loads faster
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
        datetime.date(2023, 7, 1) if published_trend else hospital_history_starts(published_trend),
        last_month_end,
        rng,
        low=1 if not published_trend else 2,
    )
    people = list(service.people.filter(rating__in=["red", "amber"]).order_by("id"))
    rng.shuffle(people)
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    current = admissions_following(trend, people, actor, rng, may_admit=_may_admit)
    _admitted_days_ago(service, actor, rng, today)
    _reviews_follow_the_stays(service)
    service_admissions = Admission.objects.filter(person__service=service)
    in_hospital = Admission.objects.in_hospital_on(today).values("person_id")
    at_risk = list(service.people.filter(rating="red").exclude(pk__in=in_hospital).order_by("id")[:6])
    seed_reviews(current, at_risk, actor, rng)
    seed_before_admission(service_admissions.select_related("person").order_by("admitted_on", "id"), actor, rng)


def _may_admit(person, day: datetime.date) -> bool:
    return referred_by(person, day) and rules.age_on(person.date_of_birth, day) >= YOUNGEST_ADMITTED


def _admitted_days_ago(service, actor, rng, today) -> None:
    """A red-rated person admitted about a week and a half ago: their post-admission C(E)TR is
    booked for its due date, in the week ahead."""
    admitted_on = _admitted_on(service, today)
    candidates = (
        service.people.filter(status=RegisterStatus.ACTIVE, rating=Rating.RED, rating_effective_on__lt=admitted_on)
        .exclude(pk__in=Admission.objects.in_hospital_on(today).values("person_id"))
        .order_by("id")
    )
    person = next((person for person in candidates if _may_admit(person, admitted_on)), None)
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
        includes_education=has_ehcp(person),
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


def _reviews_follow_the_stays(service) -> None:
    """The synthetic rating histories were written before the admissions: a DSR review dated during
    a stay keeps the person blue, and one within the service's days after discharge keeps them red,
    as the register's rule would have required had it been recorded on the day."""
    admitted = service.people.filter(pk__in=Admission.objects.values("person_id"))
    for person in admitted:
        for change in person.rating_changes.filter(cause=RatingCause.REVIEW):
            if rules.review_rating_refusal(person, change.rating, change.effective_on):
                in_hospital = Admission.objects.in_hospital_on(change.effective_on).filter(person=person).exists()
                change.rating = Rating.BLUE if in_hospital else Rating.RED
                change.reason = IN_HOSPITAL if in_hospital else JUST_DISCHARGED
                change.save(update_fields=["rating", "reason"])
        person.refresh_rating()
