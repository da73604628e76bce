"""Each KPI's monthly series: computed from the records where it can be, otherwise as entered."""

import datetime
import statistics
from dataclasses import dataclass
from decimal import Decimal

from keywork.figures.census import month_end, month_starts, monthly_census
from keywork.figures.inpatients import post_admission_ctrs
from keywork.figures.register import service_people
from keywork.keyworking.models import Allocation, Referral
from keywork.programme.models import Kpi
from keywork.reviews.models import Action, Review
from keywork.suppression import SUPPRESSED, suppress_count, suppress_counts


@dataclass
class KpiPoint:
    month: datetime.date
    value: Decimal | None
    on_track: bool | None
    suppressed: bool = False

    @property
    def shown(self) -> bool:
        """Whether the month has a figure to show, even a hidden one."""
        return self.value is not None or self.suppressed


@dataclass(frozen=True)
class Measured:
    """A computed month's figure and how many people (or their records) it is computed from."""

    value: Decimal | None
    base: int
    # As published, where the figure is published elsewhere as the total of a suppressed line (the
    # census's people in hospital, by local authority), so every output shows it alike.
    published: int | str | None = None


def kpi_series(kpi: Kpi, first: datetime.date, today: datetime.date, suppressed: bool) -> list[KpiPoint]:
    """The series as its audience may see it (keywork/accounts/audience.py): `suppressed`, as
    published, with small numbers hidden (`_shown`)."""
    months = month_starts(first, today)
    if kpi.computation not in COMPUTATIONS:
        entered = _entered(kpi, months)
        return [KpiPoint(month, value, kpi.on_track(value)) for month, value in zip(months, entered, strict=True)]
    shown = _shown(kpi.service, kpi.computation, months, today, suppressed)
    return [
        KpiPoint(month, None, None, suppressed=True)
        if point is None
        else KpiPoint(month, point.value, kpi.on_track(point.value))
        for month, point in zip(months, shown, strict=True)
    ]


def computed_series(
    service, computation: str, months: list[datetime.date], today: datetime.date, suppressed: bool = False
) -> list:
    """A measure computed from the records for each month: shared by KPIs and the dashboard.
    `suppressed`: as published, a hidden month is SUPPRESSED ('*'); otherwise every figure."""
    return [
        SUPPRESSED if point is None else point.value
        for point in _shown(service, computation, months, today, suppressed)
    ]


def _shown(service, computation, months, today, suppressed: bool) -> list[Measured | None]:
    """The one place computed figures are suppressed: as published (for commissioners, or staff
    asking to see the counts so), a month's figure computed from 1 to the service's threshold of
    people's records (a count, a median, a rate from a tiny denominator) is hidden (None)."""
    measured = COMPUTATIONS[computation](service, months, today)
    if not suppressed:
        return measured
    threshold = service.suppression_threshold
    return [_published(point, threshold) for point in measured]


def _published(point: Measured, threshold: int) -> Measured | None:
    if point.published is not None:
        return None if point.published == SUPPRESSED else Measured(Decimal(point.published), point.base)
    return None if suppress_count(point.base, threshold) == SUPPRESSED else point


def _entered(kpi, months):
    entered = {value.month: value.value for value in kpi.values.all()}
    return [entered.get(month) for month in months]


def _inpatients(service, months, today):
    threshold = service.suppression_threshold
    return [
        Measured(Decimal(m.count), m.count, suppress_counts(m.by_local_authority, threshold).total)
        for m in monthly_census(service, months[0], today, today)
    ]


def _by_month(dated_values, months) -> dict:
    """Group (date, value) pairs under the first day of their month, for the months asked."""
    wanted, grouped = set(months), {month: [] for month in months}
    for day, value in dated_values:
        month = day.replace(day=1)
        if month in wanted:
            grouped[month].append(value)
    return grouped


def _days_to_allocation(service, months, today):
    """Median days from referral to the first designated keyworker, for allocations starting that month."""
    allocations = Allocation.objects.filter(person__service=service, worker_type="practice_consultant")
    received = {}
    for person_id, received_on in Referral.objects.filter(person__service=service).values_list(
        "person_id", "received_on"
    ):
        received.setdefault(person_id, []).append(received_on)
    waits = []
    for person_id, starts_on in allocations.values_list("person_id", "starts_on"):
        earlier = [day for day in received.get(person_id, []) if day <= starts_on]
        if earlier:
            waits.append((starts_on, (starts_on - max(earlier)).days))
    grouped = _by_month(waits, months)
    return [
        Measured(Decimal(statistics.median(grouped[month])) if grouped[month] else None, len(grouped[month]))
        for month in months
    ]


def _ctr_on_time(service, months, today):
    """Of admissions whose post-admission C(E)TR fell due that month, the per cent held by then."""
    grouped = _by_month(post_admission_ctrs(service_people(service), service), months)
    return [Measured(_per_cent(sum(grouped[month]), len(grouped[month])), len(grouped[month])) for month in months]


def _per_cent(part: int, whole: int) -> Decimal | None:
    """To one decimal place, worked in decimals (a float's 33.3 is 33.29999...)."""
    return (Decimal(100 * part) / whole).quantize(Decimal("0.1")) if whole else None


def _overdue_actions(service, months, today):
    """C(E)TR actions open and past due at each month's end (from due and completion dates)."""
    actions = Action.objects.raised_by(Review).filter(person__service=service)
    actions = list(actions.values_list("due_on", "completed_on", "status"))
    values = []
    for month in months:
        end = min(month_end(month), today)
        overdue = sum(
            1
            for due, done, status in actions
            if due < end and (done is None and status == "open" or done is not None and done > end)
        )
        values.append(Measured(Decimal(overdue), overdue))
    return values


COMPUTATIONS = {
    Kpi.Computation.INPATIENTS: _inpatients,
    Kpi.Computation.DAYS_TO_ALLOCATION: _days_to_allocation,
    Kpi.Computation.CTR_ON_TIME: _ctr_on_time,
    Kpi.Computation.OVERDUE_ACTIONS: _overdue_actions,
}
