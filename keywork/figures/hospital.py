"""Hospital use and its cost: inpatient bed days, average length of stay, and an estimate of the bed
days and cost that admissions avoided by keywork saved (the programme exists to cut "both human and
financial costs"). The definitions in words below are shown on the page beside the figures.

Counted from the admission records, like every inpatient figure (figures/inpatients.py): a night is
counted for whoever `Admission.objects.in_hospital_on` that day, so bed days agree with the census.
"""

import datetime
from dataclasses import dataclass, replace
from fractions import Fraction

from keywork.inpatient.models import Admission
from keywork.suppression import SUPPRESSED, suppress_count

BED_DAYS = (
    "Bed days are nights spent in hospital, counted as NHS occupied bed days are: a person occupies a bed "
    "if they are in it at midnight. The night of the admission day counts and the night of the discharge "
    "day does not, so a stay's bed days are the days from admission to discharge, and someone admitted "
    "and discharged on the same day has none. Each night counts in the month it begins. A stay not yet "
    "ended counts up to last night."
)
AVERAGE_STAY = (
    "Average length of stay is the mean of the bed days of the stays that ended (by a discharge) in the "
    "period, each whole stay counted, however long before the period it began. Stays not yet ended are "
    "left out. A transfer from one hospital to another starts a new stay."
)
AVOIDED_ESTIMATE = (
    "Estimate. Admissions avoided are the keywork closed in the period whose closing outcome answers "
    "\u201cWas an admission avoided?\u201d with yes. Bed days avoided are the admissions avoided multiplied "
    "by the service's average length of stay over the 12 months to the end of the period. Cost avoided "
    "is the bed days avoided multiplied by the service's bed-day cost. It assumes each avoided admission "
    "would have lasted as long as the average stay; it is not a count of anything that happened."
)
# The average stay the estimate uses is over a year: a quarter has too few discharges to be steady.
ESTIMATE_AVERAGE_DAYS = 365


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date  # included


@dataclass(frozen=True)
class HospitalUse:
    period: Period
    bed_days: int | str
    people_in_hospital: int | str  # people with at least one night in hospital in the period
    discharges: int | str
    average_stay: float | None | str  # days, to one decimal; None when no stay ended


@dataclass(frozen=True)
class AvoidedEstimate:
    period: Period
    admissions_avoided: int | str
    stays_averaged: int  # the stays that ended in the year to the period's end
    average_stay: float | None | str  # theirs, in days
    bed_days_avoided: int | None | str
    cost_avoided_pence: int | None | str  # None until the service sets its bed-day cost


Stay = tuple[int, datetime.date, datetime.date | None]  # person, admitted, discharged


def stays_of(people, first: datetime.date, last: datetime.date) -> list[Stay]:
    """The stays that touch `first`..`last`, or ended in the year before it (for the estimate's average)."""
    since = first - datetime.timedelta(days=ESTIMATE_AVERAGE_DAYS)
    return list(
        Admission.objects.filter(person__in=people, admitted_on__lte=last)
        .exclude(discharged_on__lt=since)
        .values_list("person_id", "admitted_on", "discharged_on")
    )


def nights_in(admitted, discharged, period: Period, today: datetime.date) -> int:
    """A stay's nights from the period's start to its end, both included, up to last night.

    >>> january = Period("January", datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    >>> nights_in(datetime.date(2025, 12, 30), datetime.date(2026, 1, 2), january, datetime.date(2026, 3, 1))
    1
    """
    start = max(admitted, period.start)
    end = min(discharged or today, today, period.end + datetime.timedelta(days=1))
    return max((end - start).days, 0)


def stay_lengths(stays: list[Stay], start: datetime.date, end: datetime.date) -> list[int]:
    """The bed days of each stay discharged from `start` to `end`, both included."""
    return [(left - admitted).days for _, admitted, left in stays if left and start <= left <= end]


def mean(lengths: list[int]) -> Fraction | None:
    return Fraction(sum(lengths), len(lengths)) if lengths else None


def hospital_use(stays: list[Stay], period: Period, today: datetime.date) -> HospitalUse:
    nights = [(person, nights_in(admitted, discharged, period, today)) for person, admitted, discharged in stays]
    lengths = stay_lengths(stays, period.start, period.end)
    average = mean(lengths)
    return HospitalUse(
        period=period,
        bed_days=sum(count for _, count in nights),
        people_in_hospital=len({person for person, count in nights if count}),
        discharges=len(lengths),
        average_stay=round(float(average), 1) if average is not None else None,
    )


def avoided_estimate(
    stays: list[Stay], period: Period, admissions_avoided: int, bed_day_cost_pence: int | None
) -> AvoidedEstimate:
    """Bed days avoided, to the nearest day, and their cost, to the nearest penny (shown to the pound)."""
    lengths = stay_lengths(stays, period.end - datetime.timedelta(days=ESTIMATE_AVERAGE_DAYS - 1), period.end)
    average = mean(lengths)
    bed_days = admissions_avoided * average if average is not None else None
    cost = round(bed_days * bed_day_cost_pence) if bed_days is not None and bed_day_cost_pence else None
    return AvoidedEstimate(
        period=period,
        admissions_avoided=admissions_avoided,
        stays_averaged=len(lengths),
        average_stay=round(float(average), 1) if average is not None else None,
        bed_days_avoided=round(bed_days) if bed_days is not None else None,
        cost_avoided_pence=cost,
    )


def published_use(use: HospitalUse, threshold: int) -> HospitalUse:
    """As shown to people who may not see records: a figure about 1 to `threshold` people is hidden,
    bed days by the people in hospital, the average stay with the discharges it is taken over."""
    hide_people = suppress_count(use.people_in_hospital, threshold) == SUPPRESSED
    hide_discharges = suppress_count(use.discharges, threshold) == SUPPRESSED
    return replace(
        use,
        bed_days=SUPPRESSED if hide_people else use.bed_days,
        people_in_hospital=SUPPRESSED if hide_people else use.people_in_hospital,
        discharges=SUPPRESSED if hide_discharges else use.discharges,
        average_stay=SUPPRESSED if hide_discharges else use.average_stay,
    )


def published_estimate(estimate: AvoidedEstimate, threshold: int) -> AvoidedEstimate:
    """Admissions avoided from 1 to `threshold` are hidden, and the average stay of so few stays; and
    with either, what is worked out from them (which, with the other, would give it away)."""
    few_avoided = suppress_count(estimate.admissions_avoided, threshold) == SUPPRESSED
    few_stays = suppress_count(estimate.stays_averaged, threshold) == SUPPRESSED
    if not (few_avoided or few_stays):
        return estimate

    def hidden(value):
        return None if value is None else SUPPRESSED

    return replace(
        estimate,
        admissions_avoided=SUPPRESSED if few_avoided else estimate.admissions_avoided,
        average_stay=hidden(estimate.average_stay) if few_stays else estimate.average_stay,
        bed_days_avoided=hidden(estimate.bed_days_avoided),
        cost_avoided_pence=hidden(estimate.cost_avoided_pence),
    )
