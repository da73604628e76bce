"""Inpatient C(E)TR timescales (NHS England C(E)TR policy; configurable per service):
a post-admission C(E)TR within 10 working days of admission for CYP, then an inpatient C(E)TR
every 3 months while the person remains in hospital. And what counts as reviewed before an
admission: a community C(E)TR or LAEP meeting held in the 12 months up to it."""

import calendar
import datetime
from dataclasses import dataclass, field

from keywork.reviews.choices import BEFORE_ADMISSION_KINDS
from keywork.workingdays import add_working_days


def add_months(day: datetime.date, months: int) -> datetime.date:
    """
    >>> add_months(datetime.date(2026, 11, 30), 3)
    datetime.date(2027, 2, 28)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


BEFORE_ADMISSION_MONTHS = 12


def reviewed_before_admission(admitted_on: datetime.date, held_on: list[datetime.date]) -> bool:
    """Whether a community C(E)TR or LAEP meeting held on one of `held_on` days came before the
    admission: in the 12 months up to it, the same date a year earlier and the admission day itself
    included (an LAEP meeting is often held the day the person is admitted).

    >>> admitted = datetime.date(2026, 5, 10)
    >>> reviewed_before_admission(admitted, [datetime.date(2025, 5, 10), datetime.date(2026, 5, 10)])
    True
    >>> reviewed_before_admission(admitted, [datetime.date(2025, 5, 9), datetime.date(2026, 5, 11)])
    False
    """
    earliest = add_months(admitted_on, -BEFORE_ADMISSION_MONTHS)
    return any(earliest <= day <= admitted_on for day in held_on)


def had_community_review_before(admission) -> bool:
    """Whether the admission had a community C(E)TR or LAEP meeting before it (reviewed_before_admission)."""
    held = admission.person.reviews.filter(kind__in=BEFORE_ADMISSION_KINDS, held_on__isnull=False)
    return reviewed_before_admission(admission.admitted_on, list(held.values_list("held_on", flat=True)))


def post_admission_review_due(admitted_on: datetime.date, service) -> datetime.date:
    return add_working_days(admitted_on, service.post_admission_review_working_days)


@dataclass
class ReviewSchedule:
    next_due: datetime.date | None  # None once discharged
    is_overdue: bool
    held_late: list[datetime.date] = field(default_factory=list)  # due dates met only after they passed


def review_schedule(admission, held_on: list[datetime.date], service, today: datetime.date) -> ReviewSchedule:
    """Walk the admission's review cycle: each review held resets the clock; a due date with no
    review by it is overdue (or, if a review came later, held late)."""
    due = post_admission_review_due(admission.admitted_on, service)
    held = sorted(day for day in held_on if day >= admission.admitted_on)
    end = admission.discharged_on or today
    late = []
    for day in held:
        if admission.discharged_on and day > admission.discharged_on:
            break
        if day > due:
            late.append(due)
        due = add_months(day, service.inpatient_review_months)
    if admission.discharged_on:
        return ReviewSchedule(next_due=None, is_overdue=False, held_late=late)
    return ReviewSchedule(next_due=due, is_overdue=due < end, held_late=late)
