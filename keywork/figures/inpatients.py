"""Figures about people in hospital, counted from the admission records (never from the register's
Blue rating, which follows them). Definitions in words: catalogue.py."""

import datetime
from collections import Counter

from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import Admission
from keywork.reviews.models import Review
from keywork.reviews.rules import post_admission_review_due


def stays_on(people, day: datetime.date):
    return Admission.objects.in_hospital_on(day).filter(person__in=people)


def in_hospital(people, day: datetime.date) -> int:
    return stays_on(people, day).values("person").distinct().count()


DETAINED, INFORMAL, NOT_RECORDED = "Detained", "Informal", "Not recorded"


def legal_group(stay: Admission, day: datetime.date) -> str:
    """Whether a stay was detained under the Mental Health Act or informal on `day`, by its legal status
    on that day; "Not recorded" if none was (its legal_status_changes prefetched, for many stays)."""
    status = stay.legal_status_on(day)
    if status is None:
        return NOT_RECORDED
    return INFORMAL if status.status == LegalStatus.INFORMAL else DETAINED


def detained_or_informal(people, day: datetime.date) -> dict[str, int]:
    """Of those in hospital on `day`, how many were detained under the Mental Health Act and how many
    informal (a stay with no legal status recorded is "Not recorded", counted only when there is one)."""
    counts = Counter({DETAINED: 0, INFORMAL: 0})
    for stay in stays_on(people, day).prefetch_related("legal_status_changes"):
        counts[legal_group(stay, day)] += 1
    return dict(counts)


def stays_without_a_keyworker(people, day: datetime.date):
    # The inpatient list's "No keyworker" is the same query (inpatient.models), so the two agree.
    return Admission.objects.without_a_keyworker(day).filter(person__in=people)


def without_a_keyworker(people, day: datetime.date) -> int:
    return stays_without_a_keyworker(people, day).values("person").distinct().count()


def post_admission_ctrs(people, service) -> list[tuple[datetime.date, bool]]:
    """(date due, held on time?) for each admission's post-admission C(E)TR: on time if one was held
    from the admission to the date due (the service's working days after admission)."""
    held = {}
    for person_id, held_on in Review.objects.filter(
        person__in=people, kind="post_admission", held_on__isnull=False
    ).values_list("person_id", "held_on"):
        held.setdefault(person_id, []).append(held_on)
    outcomes = []
    for person_id, admitted_on in Admission.objects.filter(person__in=people).values_list("person_id", "admitted_on"):
        due = post_admission_review_due(admitted_on, service)
        outcomes.append((due, any(admitted_on <= day <= due for day in held.get(person_id, []))))
    return outcomes
