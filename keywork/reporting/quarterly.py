"""The NHS England quarterly monitoring return, computed as the data stood at the quarter's end."""

from dataclasses import dataclass

from keywork.coproduction.models import Engagement
from keywork.coproduction.rules import attendance_table
from keywork.figures import hospital
from keywork.figures.allocations import DaysToAllocation, days_to_allocation, first_allocations
from keywork.figures.before_admission import before_admission
from keywork.figures.census import monthly_census
from keywork.figures.flows import ACCEPTED, ADMITTED, DECLINED, REFERRED
from keywork.figures.inpatients import detained_or_informal
from keywork.figures.register import (
    keywork_allocations,
    on_register,
    people_rows,
    ratings_on,
    service_people,
)
from keywork.outcomes.summary import blockers_by_category, case_studies_for, quarter_outcomes
from keywork.programme.models import Risk
from keywork.programme.workforce import workforce_on
from keywork.register.choices import Rating
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.quarters import Quarter
from keywork.suppression import SUPPRESSED, suppress_count, suppress_counts, suppress_table, suppress_within_line

OUTCOME_COUNTS = {"goals_rated", "closings", "admissions_avoided", "breakdowns_prevented"}
RATING_ROWS = [rating.label.split(" – ")[0] for rating in Rating]
ON_REGISTER = "On the register at the quarter's end"


@dataclass
class QuarterlyReturn:
    service: object
    quarter: Quarter
    as_at: object  # the quarter's last day, or today for the current quarter
    supported: dict  # "new" / "active" / "closed" → {rating: {local authority: count}}
    inpatients_at_end: dict[str, int]
    detained_at_end: dict[str, int]  # "Detained" / "Informal" (/ "Not recorded")
    keywork: dict  # "New to keywork in the quarter" / "Receiving keywork at the quarter's end" → as supported
    days_to_allocation: DaysToAllocation
    hospital_use: hospital.HospitalUse  # bed days in the quarter, average stay of the stays ended in it
    referrals_in_quarter: dict[str, int]  # "Received" / "Accepted" / "Declined"
    admissions_in_quarter: dict[str, int]
    # Without / with a community C(E)TR or LAEP meeting in the 12 months before (figures/before_admission.py)
    admissions_before: dict[str, int]
    outcomes: dict
    blockers: dict[str, int]
    workforce: dict
    case_studies: list
    risks: list
    narrative: object | None = None  # the lead's QuarterNarrative, if written
    coproduction: tuple = ()  # co-production events held in the quarter (keywork/coproduction), oldest first


def by_rating_and_area(rows, ratings, areas) -> dict[str, dict[str, int]]:
    table = {label: dict.fromkeys(areas, 0) for label in RATING_ROWS + ["Not rated"]}
    for row in rows:
        rating = ratings.get(row["id"])
        label = Rating(rating).label.split(" – ")[0] if rating else "Not rated"
        table[label][row["local_authority"]] = table[label].get(row["local_authority"], 0) + 1
    if not any(table["Not rated"].values()):
        del table["Not rated"]
    return table


def quarterly_return(service, quarter: Quarter, today) -> QuarterlyReturn:
    as_at = min(quarter.end, today)
    areas = list(service.local_authorities)
    people = service_people(service)
    rows = people_rows(people)
    ratings = ratings_on(people, as_at)
    active = on_register(rows, as_at)
    new = [row for row in rows if quarter.start <= row["referral_date"] <= as_at]
    closed = [
        row
        for row in rows
        if row["status_changed_on"]
        and quarter.start <= row["status_changed_on"] <= as_at
        and row["status"] != "active"
        and row["referral_date"] <= as_at
    ]
    # The rating on the quarter's last day, as for the people supported, so the tables add up alike.
    first_allocated = first_allocations(people, quarter.start, as_at)
    keyworked = set(keywork_allocations(people, as_at).values_list("person_id", flat=True))
    census = monthly_census(service, as_at.replace(day=1), as_at, today)
    risks = [risk for risk in Risk.objects.filter(service=service, status=Risk.Status.OPEN) if risk.score >= 8]
    return QuarterlyReturn(
        service=service,
        quarter=quarter,
        as_at=as_at,
        supported={
            "New to the register": by_rating_and_area(new, ratings, areas),
            ON_REGISTER: by_rating_and_area(active, ratings, areas),
            "Left the register": by_rating_and_area(closed, ratings, areas),
        },
        inpatients_at_end=census[-1].by_local_authority if census else dict.fromkeys(areas, 0),
        detained_at_end=detained_or_informal(people, as_at),
        keywork={
            "New to keywork in the quarter": by_rating_and_area(
                [row for row in rows if row["id"] in first_allocated], ratings, areas
            ),
            "Receiving keywork at the quarter's end": by_rating_and_area(
                [row for row in rows if row["id"] in keyworked], ratings, areas
            ),
        },
        days_to_allocation=days_to_allocation(people, quarter.start, as_at),
        hospital_use=quarter_hospital_use(people, quarter, today),
        referrals_in_quarter={
            name: flow.count(people, quarter.start, as_at)
            for name, flow in (("Received", REFERRED), ("Accepted", ACCEPTED), ("Declined", DECLINED))
        },
        admissions_in_quarter=ADMITTED.by_local_authority(people, quarter.start, as_at, areas),
        admissions_before=before_admission(people, quarter.start, as_at),
        outcomes=quarter_outcomes(service, quarter.start, as_at),
        blockers=blockers_by_category(service, quarter.start, as_at),
        workforce=workforce_on(service, as_at),
        case_studies=case_studies_for(service, quarter.start, as_at),
        risks=sorted(risks, key=lambda risk: -risk.score),
        narrative=QuarterNarrative.objects.filter(service=service, quarter=quarter.code).first(),
        coproduction=tuple(Engagement.objects.filter(service=service).held_between(quarter.start, as_at)),
    )


def published_tables(report: QuarterlyReturn, suppressed: bool = True) -> dict:
    """Every count table of the return, `suppressed` as published (primary and secondary), or with
    the true counts (for staff, and the files sent to NHS England: reporting.views.files_suppressed)."""
    threshold = report.service.suppression_threshold if suppressed else 0
    return {
        "supported": {title: published_supported(title, table, threshold) for title, table in report.supported.items()},
        "inpatients_at_end": suppress_counts(report.inpatients_at_end, threshold),
        "admissions_in_quarter": suppress_counts(report.admissions_in_quarter, threshold),
        "admissions_before": suppress_counts(report.admissions_before, threshold),
        "detained_at_end": suppress_counts(report.detained_at_end, threshold),
        "keywork": {title: suppress_table(table, threshold) for title, table in report.keywork.items()},
        "days_to_allocation": published_days_to_allocation(report.days_to_allocation, threshold),
        "hospital_use": hospital.published_use(report.hospital_use, threshold),
        "referrals_in_quarter": suppress_counts(report.referrals_in_quarter, threshold),
        "blockers": suppress_counts(report.blockers, threshold),
        # Who took part in each co-production event: events by kind of person, like any two-way table.
        "coproduction": suppress_table(attendance_table(report.coproduction), threshold),
        # Counts of people in the outcomes are suppressed like every other count; averages are not counts.
        "outcomes": {
            name: suppress_count(value, threshold) if name in OUTCOME_COUNTS else value
            for name, value in report.outcomes.items()
        },
    }


def published_supported(title: str, table: dict, threshold: int) -> dict:
    """On the register at the quarter's end by rating is the figure the home page and the dashboard
    show: the table's rating totals are suppressed as that line, so every output hides the same."""
    if title != ON_REGISTER:
        return suppress_table(table, threshold)
    line = suppress_counts({rating: sum(table[rating].values()) for rating in RATING_ROWS}, threshold)
    return suppress_within_line(table, threshold, line)


def quarter_hospital_use(people, quarter: Quarter, today) -> hospital.HospitalUse:
    """Bed days in the quarter (to today, if it has not ended) and the average stay of those ending in it."""
    period = hospital.Period(quarter.label, quarter.start, min(quarter.end, today))
    return hospital.hospital_use(hospital.stays_of(people, period.start, period.end), period, today)


def published_days_to_allocation(days: DaysToAllocation, threshold: int) -> dict:
    """The count of allocations is suppressed like any count; the median is not a count, but resting
    on 1 to `threshold` allocations it would tell about them, so it is hidden with it."""
    count = suppress_count(days.allocations, threshold)
    return {"allocations": count, "median": SUPPRESSED if count == SUPPRESSED else days.median}
