"""The hospital use page's figures: bed days and average stay by month and by quarter, and by quarter
the estimate of the bed days and cost avoided, from the admissions keywork avoided (closing
outcomes). The figures and their definitions: keywork/figures/hospital.py."""

import datetime
from dataclasses import dataclass, replace

from keywork.figures import hospital
from keywork.figures.census import month_end, month_starts
from keywork.figures.hospital import AvoidedEstimate, HospitalUse, Period
from keywork.outcomes.choices import Answer
from keywork.outcomes.models import ClosingOutcome
from keywork.register.models import Person
from keywork.reporting.quarters import Quarter
from keywork.suppression import SUPPRESSED

MONTHS_SHOWN = 12
QUARTERS_SHOWN = 8


@dataclass(frozen=True)
class HospitalUsePage:
    months: list[HospitalUse]  # newest first
    quarters: list[tuple[HospitalUse, AvoidedEstimate]]  # newest first
    bed_day_cost_pence: int | None
    suppressed: bool


def recent_months(today: datetime.date) -> list[Period]:
    months_back = today.year * 12 + today.month - 1 - (MONTHS_SHOWN - 1)
    first = datetime.date(months_back // 12, months_back % 12 + 1, 1)
    return [_to_date(Period(m.strftime("%B %Y"), m, month_end(m)), today) for m in reversed(month_starts(first, today))]


def recent_quarters(today: datetime.date) -> list[Period]:
    quarters, quarter = [], Quarter.containing(today)
    for _ in range(QUARTERS_SHOWN):
        quarters.append(_to_date(Period(quarter.label, quarter.start, quarter.end), today))
        quarter = quarter.previous()
    return quarters


def _to_date(period: Period, today: datetime.date) -> Period:
    """The period still running ends today, and says so."""
    if period.end < today:
        return period
    return Period(f"{period.label} (to date)", period.start, today)


def admissions_avoided(service, period: Period) -> int:
    """Keywork closed in the period whose closing outcome says an admission was avoided."""
    return ClosingOutcome.objects.filter(
        referral__person__service=service,
        referral__closed_on__gte=period.start,
        referral__closed_on__lte=period.end,
        admission_avoided=Answer.YES,
    ).count()


def hospital_use_page(service, today: datetime.date, suppressed: bool) -> HospitalUsePage:
    """`suppressed`: as published (keywork/accounts/audience.py), figures about a few people hidden."""
    months, quarters = recent_months(today), recent_quarters(today)
    stays = hospital.stays_of(Person.objects.filter(service=service), quarters[-1].start, today)
    cost = service.bed_day_cost_pence
    month_rows = [hospital.hospital_use(stays, month, today) for month in months]
    quarter_rows = [
        (
            hospital.hospital_use(stays, quarter, today),
            hospital.avoided_estimate(stays, quarter, admissions_avoided(service, quarter), cost),
        )
        for quarter in quarters
    ]
    if suppressed:
        threshold = service.suppression_threshold
        month_rows = [hospital.published_use(use, threshold) for use in month_rows]
        quarter_rows = [
            (hospital.published_use(use, threshold), hospital.published_estimate(estimate, threshold))
            for use, estimate in quarter_rows
        ]
        for use, _ in quarter_rows:
            protect_months(month_rows, use)
    return HospitalUsePage(month_rows, quarter_rows, cost, suppressed)


# Which figure hides which (figures/hospital.published_use): bed days go with the people in hospital,
# the average stay with the discharges it is taken over.
HIDDEN_TOGETHER = (("people_in_hospital", "bed_days"), ("discharges", "average_stay"))


def protect_months(month_rows: list[HospitalUse], quarter: HospitalUse) -> None:
    """A quarter's bed days and discharges are its months' added up: where the quarter's are shown
    and only one of its months' is unknown (hidden, or not on the page), that month's could be worked
    out by subtraction, so the smallest other month's are hidden too (secondary suppression)."""
    period = quarter.period
    inside = [i for i, use in enumerate(month_rows) if period.start <= use.period.start <= period.end]
    not_shown = len(month_starts(period.start, period.end)) - len(inside)
    for key, together in HIDDEN_TOGETHER:
        hidden = [i for i in inside if getattr(month_rows[i], key) == SUPPRESSED]
        if getattr(quarter, key) == SUPPRESSED or not hidden or len(hidden) + not_shown != 1:
            continue
        shown = [i for i in inside if i not in hidden and getattr(month_rows[i], key)]
        if shown:
            smallest = min(shown, key=lambda i: getattr(month_rows[i], key))
            month_rows[smallest] = replace(month_rows[smallest], **dict.fromkeys((key, together), SUPPRESSED))
