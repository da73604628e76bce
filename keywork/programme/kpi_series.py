"""Each KPI's monthly series: computed from the records where it can be, otherwise as entered."""

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal

from keywork.inpatient.census import month_end, month_starts, monthly_census
from keywork.inpatient.models import Admission
from keywork.inpatient.rules import post_admission_review_due
from keywork.keyworking.models import Allocation, Referral
from keywork.programme.models import Kpi
from keywork.reviews.models import Action, Review


@dataclass
class KpiPoint:
    month: datetime.date
    value: Decimal | None
    on_track: bool | None


def kpi_series(kpi: Kpi, first: datetime.date, today: datetime.date) -> list[KpiPoint]:
    months = month_starts(first, today)
    if kpi.computation in COMPUTATIONS:
        values = computed_series(kpi.service, kpi.computation, months, today)
    else:
        values = _entered(kpi, months)
    return [KpiPoint(month, value, kpi.on_track(value)) for month, value in zip(months, values, strict=True)]


def computed_series(service, computation: str, months: list[datetime.date], today: datetime.date) -> list:
    """A measure computed from the records for each month: shared by KPIs and the dashboard."""
    return COMPUTATIONS[computation](service, months, today)


def _entered(kpi, months):
    entered = {value.month: value.value for value in kpi.values.all()}
    return [entered.get(month) for month in months]


def _inpatients(service, months, today):
    return [Decimal(m.count) for m in monthly_census(service, months[0], today, today)]


def _days_to_allocation(service, months, today):
    """Median days from referral to the first designated keyworker, for allocations starting that month."""
    allocations = list(
        Allocation.objects.filter(person__service=service, worker_type="practice_consultant").only(
            "person_id", "starts_on"
        )
    )
    referrals = Referral.objects.filter(person__service=service).values_list("person_id", "received_on")
    received = {}
    for person_id, received_on in referrals:
        received.setdefault(person_id, []).append(received_on)
    values = []
    for month in months:
        waits = [
            (allocation.starts_on - max(d for d in received[allocation.person_id] if d <= allocation.starts_on)).days
            for allocation in allocations
            if month <= allocation.starts_on <= month_end(month)
            if any(d <= allocation.starts_on for d in received.get(allocation.person_id, []))
        ]
        values.append(Decimal(statistics.median(waits)) if waits else None)
    return values


def _ctr_on_time(service, months, today):
    """Of admissions whose post-admission C(E)TR fell due that month, the per cent held by then."""
    admissions = list(Admission.objects.filter(person__service=service).select_related("person__service"))
    held = {}
    for person_id, held_on in Review.objects.filter(
        person__service=service, kind="post_admission", held_on__isnull=False
    ).values_list("person_id", "held_on"):
        held.setdefault(person_id, []).append(held_on)
    values = []
    for month in months:
        due = [(a, post_admission_review_due(a.admitted_on, service)) for a in admissions]
        due = [(a, d) for a, d in due if month <= d <= month_end(month)]
        on_time = [a for a, d in due if any(a.admitted_on <= h <= d for h in held.get(a.person_id, []))]
        values.append(Decimal(round(100 * len(on_time) / len(due), 1)) if due else None)
    return values


def _overdue_actions(service, months, today):
    """Actions open and past due at each month's end (from due and completion dates)."""
    actions = list(Action.objects.filter(person__service=service).values_list("due_on", "completed_on", "status"))
    values = []
    for month in months:
        end = min(month_end(month), today)
        values.append(
            Decimal(
                sum(
                    1
                    for due, done, status in actions
                    if due < end and (done is None and status == "open" or done is not None and done > end)
                )
            )
        )
    return values


COMPUTATIONS = {
    Kpi.Computation.INPATIENTS: _inpatients,
    Kpi.Computation.DAYS_TO_ALLOCATION: _days_to_allocation,
    Kpi.Computation.CTR_ON_TIME: _ctr_on_time,
    Kpi.Computation.OVERDUE_ACTIONS: _overdue_actions,
}
