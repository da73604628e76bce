"""The programme dashboard's series, each month for the last two years (inpatients since 2020).

Every figure comes from keywork/figures: a month's stock is counted on its last day, or today for
the current month, so the current month equals the home page. As published, each figure is suppressed
as on every other output (keywork/suppression.py): a month's ratings as one line, as on the home page;
a quarter's months of a flow as one line, since the quarterly return publishes their sum."""

import datetime

from keywork.charts.spc import xmr
from keywork.figures.census import first_admission_month, month_end, month_starts
from keywork.figures.flows import ALLOCATED, REFERRED
from keywork.figures.register import register_by_rating, service_people
from keywork.programme.kpi_series import computed_series
from keywork.register.choices import Rating
from keywork.reporting.quarters import Quarter
from keywork.suppression import suppress_counts


def register_series(people, months, today: datetime.date, threshold: int) -> dict[str, list[int | str]]:
    """People on the register by rating at each month's end (today, for the current month)."""
    counts = register_by_rating(people, [min(month_end(month), today) for month in months])
    published = [suppress_counts(month, threshold).cells for month in counts]
    return {rating: [month[rating] for month in published] for rating in Rating.values}


def flow_series(flow, people, months, threshold: int) -> list[int | str]:
    """A flow each month, its months within a quarter suppressed together: the return publishes the
    quarter's count, which a lone hidden month would be worked out from."""
    counts = dict(zip(months, flow.monthly(people, months), strict=True))
    quarters: dict[str, dict] = {}
    for month, count in counts.items():
        quarters.setdefault(Quarter.containing(month).code, {})[month] = count
    shown = {}
    for line in quarters.values():
        shown |= suppress_counts(line, threshold).cells
    return [shown[month] for month in months]


def dashboard(
    service, today: datetime.date, suppressed: bool = False, recalculate_from: datetime.date | None = None
) -> dict:
    """`suppressed`: the figures as published (keywork/accounts/audience.py); `recalculate_from`: the
    month the XmR chart's limits start again from (a known step change)."""
    months = month_starts(today.replace(year=today.year - 2, day=1), today)
    people = service_people(service)
    threshold = service.suppression_threshold if suppressed else 0
    labels = [f"{month:%b %y}" for month in months]
    inpatient_months = month_starts(first_admission_month(service, today), today)
    inpatients = [float(v) for v in computed_series(service, "inpatients", inpatient_months, today)]
    step = inpatient_months.index(recalculate_from) if recalculate_from in inpatient_months else None
    return {
        "labels": labels,
        "register": register_series(people, months, today, threshold),
        "inpatient_months": inpatient_months,
        "inpatient_labels": [f"{month:%b %y}" for month in inpatient_months],
        # Fewer people in hospital is better: the programme's aim, and the target is a ceiling.
        # As published, no chart: its limits would give the hidden months away.
        "inpatients": None
        if suppressed
        else xmr(inpatients, step, improvement="lower", target=service.inpatient_target),
        "inpatient_counts": computed_series(service, "inpatients", inpatient_months, today, suppressed),
        "target": service.inpatient_target,
        "referrals": flow_series(REFERRED, people, months, threshold),
        "allocations": flow_series(ALLOCATED, people, months, threshold),
        # A median or a rate from a few people's records is hidden like a count of them.
        "days_to_allocation": computed_series(service, "days_to_allocation", months, today, suppressed),
        "ctr_on_time": computed_series(service, "ctr_on_time", months, today, suppressed),
        "overdue_actions": computed_series(service, "overdue_actions", months, today, suppressed),
    }
