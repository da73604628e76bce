"""Admissions without a community C(E)TR or LAEP meeting before them (NHS England C(E)TR policy: a
community C(E)TR before an admission or, when there is no time, an LAEP meeting). The rule is
reviews.rules.reviewed_before_admission; definition in words: catalogue.py."""

import datetime

from keywork.inpatient.models import Admission
from keywork.reviews.choices import BEFORE_ADMISSION_KINDS
from keywork.reviews.models import Review
from keywork.reviews.rules import reviewed_before_admission

NOT_REVIEWED = "Without a community C(E)TR or LAEP before admission"
REVIEWED = "With a community C(E)TR or LAEP before admission"


def admissions_without_prior_review(people, start: datetime.date, end: datetime.date) -> int:
    """Admissions starting from `start` to `end` with no community C(E)TR, blue light C(E)TR or LAEP
    meeting held in the 12 months up to the admission day (in two queries, for any number)."""
    return before_admission(people, start, end)[NOT_REVIEWED]


def before_admission(people, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """The admissions starting in the period, split into those without a review before them and those with one."""
    admissions = list(
        Admission.objects.filter(person__in=people, admitted_on__range=(start, end)).values_list(
            "person_id", "admitted_on"
        )
    )
    held: dict[int, list[datetime.date]] = {}
    reviews = Review.objects.filter(
        person__in={person_id for person_id, _ in admissions}, kind__in=BEFORE_ADMISSION_KINDS, held_on__isnull=False
    )
    for person_id, held_on in reviews.values_list("person_id", "held_on"):
        held.setdefault(person_id, []).append(held_on)
    without = sum(not reviewed_before_admission(day, held.get(person_id, [])) for person_id, day in admissions)
    return {NOT_REVIEWED: without, REVIEWED: len(admissions) - without}
