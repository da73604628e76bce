"""The programme dashboard's series, each month for the last two years (inpatients since 2020).

Every figure comes from keywork/figures: a month's stock is counted on its last day, or today for
the current month, so the current month equals the home page."""

import datetime

from keywork.charts.spc import xmr
from keywork.figures.census import first_admission_month, month_end, month_starts
from keywork.figures.flows import ALLOCATED, REFERRED
from keywork.figures.register import register_by_rating, service_people
from keywork.programme.kpi_series import computed_series
from keywork.register.choices import Rating


def register_series(people, months, today: datetime.date) -> dict[str, list[int]]:
    """People on the register by rating at each month's end (today, for the current month)."""
    counts = register_by_rating(people, [min(month_end(month), today) for month in months])
    return {rating: [month[rating] for month in counts] for rating in Rating.values}


def dashboard(service, today: datetime.date, viewer=None, recalculate_from: datetime.date | None = None) -> dict:
    """`recalculate_from`: the month the XmR chart's limits start again from (a known step change)."""
    months = month_starts(today.replace(year=today.year - 2, day=1), today)
    people = service_people(service)
    labels = [f"{month:%b %y}" for month in months]
    inpatient_months = month_starts(first_admission_month(service, today), today)
    inpatients = [float(v) for v in computed_series(service, "inpatients", inpatient_months, today)]
    step = inpatient_months.index(recalculate_from) if recalculate_from in inpatient_months else None
    return {
        "labels": labels,
        "register": register_series(people, months, today),
        "inpatient_months": inpatient_months,
        "inpatient_labels": [f"{month:%b %y}" for month in inpatient_months],
        # Fewer people in hospital is better: the programme's aim, and the target is a ceiling.
        "inpatients": xmr(inpatients, step, improvement="lower", target=service.inpatient_target),
        "target": service.inpatient_target,
        "referrals": REFERRED.monthly(people, months),
        "allocations": ALLOCATED.monthly(people, months),
        # A median or a rate from a few people's records is hidden from a viewer who may not see people.
        "days_to_allocation": computed_series(service, "days_to_allocation", months, today, viewer),
        "ctr_on_time": computed_series(service, "ctr_on_time", months, today, viewer),
        "overdue_actions": computed_series(service, "overdue_actions", months, today),
    }
