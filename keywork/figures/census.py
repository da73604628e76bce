"""The inpatient census: each month, the figure "In hospital" (figures/inpatients.py) on its last day
(today, for the current month), by local authority and by legal status, with the average days in
hospital so far of those counted. Computed from the admission records, never from today's state, so
months in the past are right even after history is entered. Definitions in words: catalogue.py.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Min

from keywork.figures.inpatients import DETAINED, INFORMAL, NOT_RECORDED, legal_group
from keywork.inpatient.models import Admission, was_in_hospital
from keywork.suppression import SUPPRESSED, suppress_counts

LEGAL_GROUPS = (DETAINED, INFORMAL, NOT_RECORDED)
# As a table's column headings, each saying what it counts beside the local authorities' columns.
LEGAL_GROUP_HEADINGS = {
    DETAINED: "Detained under the Mental Health Act",
    INFORMAL: "Informal",
    NOT_RECORDED: "Legal status not recorded",
}


@dataclass
class CensusMonth:
    month: datetime.date  # the first of the month
    day: datetime.date  # the day counted
    count: int
    by_local_authority: dict[str, int]
    average_days_in_hospital: float | None  # days so far of the stays counted, not the average length of stay
    target: int
    by_legal_status: dict[str, int] | None = None  # Detained, Informal, Not recorded
    shown_count: int | str | None = None  # the count as published, where small numbers are suppressed

    @property
    def over_target(self) -> bool:
        return self.count > self.target


# The census's own addition to the suppression rule, stated with it on the page and in the API.
BOTH_BREAKDOWNS_RULE = (
    "Where any count in a month is hidden, every count of those detained or informal above zero is hidden too, "
    "so that it and the local authorities' counts cannot be set against each other."
)


def suppress_for_publication(month: CensusMonth, threshold: int) -> None:
    """Hide small numbers for people who may not see records: primary and secondary suppression of
    the local-authority cells, a total rounded to 5 when any is hidden (keywork/suppression.py), and
    no average days (it would tell a few people's stays).

    Detained or informal is a second breakdown of the same total, so either would give away the
    other's hidden counts (all shown, its cells add up to the exact total): where any count in
    either needs hiding, every non-zero count of detained or informal is hidden."""
    places = suppress_counts(month.by_local_authority, threshold)
    month.by_local_authority, month.shown_count = places.cells, places.total
    if month.by_legal_status is not None:
        statuses = suppress_counts(month.by_legal_status, threshold)
        if places.any_suppressed or statuses.any_suppressed:
            month.by_legal_status = {group: SUPPRESSED if n else 0 for group, n in month.by_legal_status.items()}
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


def stays_touching(service, start: datetime.date, end: datetime.date):
    """The stays in hospital on some day from `start` to `end`: in hospital on the first day, or
    admitted after it (in_hospital_on is the one rule; was_in_hospital then picks each day's)."""
    stays = Admission.objects.filter(person__service=service)
    return stays.in_hospital_on(start) | stays.filter(admitted_on__gt=start, admitted_on__lte=end)


def monthly_census(service, first: datetime.date, last: datetime.date, today: datetime.date) -> list[CensusMonth]:
    """Two queries (the stays touching the period, and their legal status changes), whatever the
    number of months; each month counted in Python."""
    months = month_starts(first, min(last, today))
    if not months:
        return []
    start, end = months[0], min(month_end(months[-1]), today)
    stays = list(
        stays_touching(service, start, end)
        .select_related("person")
        .only("person_id", "person__local_authority", "admitted_on", "discharged_on")
        .prefetch_related("legal_status_changes")
    )
    return [_census_for(month, min(month_end(month), today), stays, service) for month in months]


def _census_for(month, day, stays, service) -> CensusMonth:
    # People, not stays, as in_hospital counts them.
    on_the_day = [stay for stay in stays if was_in_hospital(stay.admitted_on, stay.discharged_on, day)]
    inside = list({stay.person_id: stay for stay in on_the_day}.values())
    by_area = dict.fromkeys(service.local_authorities, 0)
    by_status = dict.fromkeys(LEGAL_GROUPS, 0)
    for stay in inside:
        by_area[stay.person.local_authority] = by_area.get(stay.person.local_authority, 0) + 1
        by_status[legal_group(stay, day)] += 1
    days_so_far = [(day - stay.admitted_on).days for stay in inside]
    average = round(sum(days_so_far) / len(days_so_far), 1) if days_so_far else None
    return CensusMonth(month, day, len(inside), by_area, average, service.inpatient_target, by_status)
