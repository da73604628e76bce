"""The hospital use page's figures: bed days and average stay by month and by quarter, and by quarter
the estimate of the bed days and cost avoided, from the admissions keywork avoided (closing
outcomes). The figures and their definitions: keywork/figures/hospital.py."""

import datetime
from dataclasses import dataclass

from keywork.figures import hospital
from keywork.figures.census import month_end, month_starts
from keywork.figures.hospital import AvoidedEstimate, HospitalUse, Period
from keywork.outcomes.choices import Answer
from keywork.outcomes.models import ClosingOutcome
from keywork.register.models import Person
from keywork.reporting.quarters import Quarter

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
    """`suppressed`: for people who may not see records, figures about a few people are hidden."""
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
    return HospitalUsePage(month_rows, quarter_rows, cost, suppressed)
