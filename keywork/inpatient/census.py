"""The inpatient census: how many people were in hospital, computed from the admission records
(never from today's state), so months in the past are right even after history is entered.

A month's figure is the number in hospital on its last day (today, for the current month).
"""

import datetime
from dataclasses import dataclass

from django.db.models import Min

from keywork.inpatient.models import Admission, was_in_hospital
from keywork.suppression import suppress_counts


@dataclass
class CensusMonth:
    month: datetime.date  # the first of the month
    day: datetime.date  # the day counted
    count: int
    by_local_authority: dict[str, int]
    average_days_in_hospital: float | None
    target: int
    shown_count: int | str | None = None  # the count as published, where small numbers are suppressed

    @property
    def over_target(self) -> bool:
        return self.count > self.target


def suppress_for_publication(month: CensusMonth, threshold: int) -> None:
    """Hide small numbers for people who may not see records: primary and secondary suppression of
    the local-authority cells, and a total rounded to 5 when anything is hidden (keywork/suppression.py)."""
    table = suppress_counts(month.by_local_authority, threshold)
    month.by_local_authority, month.shown_count = table.cells, table.total
    month.average_days_in_hospital = None


def first_admission_month(service, today: datetime.date, most_years: int = 10) -> datetime.date:
    """Where the census starts: the month of the service's first admission, within `most_years`."""
    first = Admission.objects.filter(person__service=service).aggregate(first=Min("admitted_on"))["first"]
    earliest = today.replace(year=today.year - most_years, day=1)
    return max(first.replace(day=1), earliest) if first else today.replace(day=1)


def month_starts(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def month_end(month: datetime.date) -> datetime.date:
    return (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)


def monthly_census(service, first: datetime.date, last: datetime.date, today: datetime.date) -> list[CensusMonth]:
    """One query for the admissions touching the period; each month counted in Python."""
    months = month_starts(first, min(last, today))
    if not months:
        return []
    start, end = months[0], min(month_end(months[-1]), today)
    stays = list(
        Admission.objects.filter(person__service=service, admitted_on__lte=end)
        .exclude(discharged_on__lte=start)
        .values_list("admitted_on", "discharged_on", "person__local_authority")
    )
    return [_census_for(month, min(month_end(month), today), stays, service) for month in months]


def _census_for(month, day, stays, service) -> CensusMonth:
    inside = [(admitted, area) for admitted, discharged, area in stays if was_in_hospital(admitted, discharged, day)]
    by_area = dict.fromkeys(service.local_authorities, 0)
    for _, area in inside:
        by_area[area] = by_area.get(area, 0) + 1
    stays_so_far = [(day - admitted).days for admitted, _ in inside]
    average = round(sum(stays_so_far) / len(stays_so_far), 1) if stays_so_far else None
    return CensusMonth(month, day, len(inside), by_area, average, service.inpatient_target)
