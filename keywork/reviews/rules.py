"""Inpatient C(E)TR timescales (NHS England C(E)TR policy; configurable per service):
a post-admission C(E)TR within 10 working days of admission for CYP, then an inpatient C(E)TR
every 3 months while the person remains in hospital."""

import calendar
import datetime
from dataclasses import dataclass, field

from keywork.workingdays import add_working_days


def add_months(day: datetime.date, months: int) -> datetime.date:
    """
    >>> add_months(datetime.date(2026, 11, 30), 3)
    datetime.date(2027, 2, 28)
    """
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


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
