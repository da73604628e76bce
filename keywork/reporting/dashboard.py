"""The programme dashboard's series, each month for the last two years (inpatients since 2020)."""

import datetime

from django.db.models import Count
from django.db.models.functions import TruncMonth

from keywork.charts.spc import xmr
from keywork.inpatient.census import first_admission_month, month_end, month_starts
from keywork.keyworking.models import Allocation, Referral
from keywork.programme.kpi_series import computed_series
from keywork.register.choices import Rating
from keywork.register.models import RatingChange
from keywork.reporting.history import on_register, people_rows


def register_by_rating(service, months) -> dict[str, list[int]]:
    """People on the register by rating at each month's end, rebuilt from the rating history."""
    rows = people_rows(service)
    # Sorted by the database; only what the loop needs is fetched (no timestamps to parse).
    changes = list(
        RatingChange.objects.filter(person__service=service)
        .order_by("effective_on", "recorded_at", "id")
        .values_list("effective_on", "person_id", "rating")
    )
    current, position = {}, 0
    series = {rating: [] for rating in Rating.values}
    for month in months:
        end = month_end(month)
        while position < len(changes) and changes[position][0] <= end:
            _, person_id, rating = changes[position]
            current[person_id] = rating
            position += 1
        counts = dict.fromkeys(Rating.values, 0)
        for row in on_register(rows, end):
            if row["id"] in current:
                counts[current[row["id"]]] += 1
        for rating in Rating.values:
            series[rating].append(counts[rating])
    return series


def monthly_counts(queryset, date_field: str, months) -> list[int]:
    counted = queryset.annotate(month=TruncMonth(date_field)).values("month").annotate(n=Count("id"))
    by_month = {(row["month"].date() if hasattr(row["month"], "date") else row["month"]): row["n"] for row in counted}
    return [by_month.get(month, 0) for month in months]


def dashboard(service, today: datetime.date, viewer=None, recalculate_from: datetime.date | None = None) -> dict:
    """`recalculate_from`: the month the XmR chart's limits start again from (a known step change)."""
    months = month_starts(today.replace(year=today.year - 2, day=1), today)
    labels = [f"{month:%b %y}" for month in months]
    inpatient_months = month_starts(first_admission_month(service, today), today)
    inpatients = [float(v) for v in computed_series(service, "inpatients", inpatient_months, today)]
    step = inpatient_months.index(recalculate_from) if recalculate_from in inpatient_months else None
    return {
        "labels": labels,
        "register": register_by_rating(service, months),
        "inpatient_months": inpatient_months,
        "inpatient_labels": [f"{month:%b %y}" for month in inpatient_months],
        # Fewer people in hospital is better: the programme's aim, and the target is a ceiling.
        "inpatients": xmr(inpatients, step, improvement="lower", target=service.inpatient_target),
        "target": service.inpatient_target,
        "referrals": monthly_counts(Referral.objects.filter(person__service=service), "received_on", months),
        "allocations": monthly_counts(
            Allocation.objects.filter(person__service=service, worker_type="practice_consultant"), "starts_on", months
        ),
        # A median or a rate from a few people's records is hidden from a viewer who may not see people.
        "days_to_allocation": computed_series(service, "days_to_allocation", months, today, viewer),
        "ctr_on_time": computed_series(service, "ctr_on_time", months, today, viewer),
        "overdue_actions": computed_series(service, "overdue_actions", months, today),
    }
