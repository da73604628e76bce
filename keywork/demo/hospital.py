"""The demo's admissions since 2020 and its C(E)TRs: Kent and Medway's published trend, then
quieter years to today, so the census, the inpatient list and overdue C(E)TRs all have content."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.inpatient.models import Admission
from keywork.inpatient.synthetic import KENT_AND_MEDWAY_TREND, admissions_following, recent_trend
from keywork.reviews.synthetic import seed_reviews


def seed_hospital_history(service, users: dict, seed: int, published_trend: bool) -> None:
    """Does nothing if the service already has admissions, so the demo can run again."""
    if Admission.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"hospital-{service.slug}-{seed}")
    today = timezone.localdate()
    trend = dict(KENT_AND_MEDWAY_TREND) if published_trend else {}
    trend |= recent_trend(
        datetime.date(2023, 7, 1) if published_trend else datetime.date(2025, 1, 1),
        today,
        rng,
        low=1 if not published_trend else 2,
    )
    # Youngest first: someone admitted in 2020 should still be under 26 today.
    people = list(service.people.filter(rating__in=["red", "amber"]).order_by("-date_of_birth")[:60])
    rng.shuffle(people)
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    current = admissions_following(trend, people, actor, rng)
    at_risk = list(service.people.filter(rating="red").exclude(pk__in=[a.person_id for a in current])[:6])
    seed_reviews(current, at_risk, actor, rng)
