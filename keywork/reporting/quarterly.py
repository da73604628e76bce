"""The NHS England quarterly monitoring return, computed as the data stood at the quarter's end."""

from dataclasses import dataclass

from keywork.figures.census import monthly_census
from keywork.figures.flows import ACCEPTED, ADMITTED, DECLINED, REFERRED
from keywork.figures.inpatients import detained_or_informal
from keywork.figures.register import (
    on_register,
    people_rows,
    ratings_on,
    receiving_keywork_by_local_authority,
    service_people,
)
from keywork.outcomes.summary import blockers_by_category, case_studies_for, quarter_outcomes
from keywork.programme.models import Risk
from keywork.programme.workforce import workforce_on
from keywork.register.choices import Rating
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.quarters import Quarter
from keywork.suppression import suppress_count, suppress_counts, suppress_table

OUTCOME_COUNTS = {"goals_rated", "closings", "admissions_avoided", "breakdowns_prevented"}
RATING_ROWS = [rating.label.split(" – ")[0] for rating in Rating]


@dataclass
class QuarterlyReturn:
    service: object
    quarter: Quarter
    as_at: object  # the quarter's last day, or today for the current quarter
    supported: dict  # "new" / "active" / "closed" → {rating: {local authority: count}}
    inpatients_at_end: dict[str, int]
    detained_at_end: dict[str, int]  # "Detained" / "Informal" (/ "Not recorded")
    receiving_keywork_at_end: dict[str, int]
    referrals_in_quarter: dict[str, int]  # "Received" / "Accepted" / "Declined"
    admissions_in_quarter: dict[str, int]
    outcomes: dict
    blockers: dict[str, int]
    workforce: dict
    case_studies: list
    risks: list
    narrative: object | None = None  # the lead's QuarterNarrative, if written


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
    census = monthly_census(service, as_at.replace(day=1), as_at, today)
    risks = [risk for risk in Risk.objects.filter(service=service, status=Risk.Status.OPEN) if risk.score >= 8]
    return QuarterlyReturn(
        service=service,
        quarter=quarter,
        as_at=as_at,
        supported={
            "New to the register": by_rating_and_area(new, ratings, areas),
            "On the register at the quarter's end": by_rating_and_area(active, ratings, areas),
            "Left the register": by_rating_and_area(closed, ratings, areas),
        },
        inpatients_at_end=census[-1].by_local_authority if census else dict.fromkeys(areas, 0),
        detained_at_end=detained_or_informal(people, as_at),
        receiving_keywork_at_end=receiving_keywork_by_local_authority(people, as_at, areas),
        referrals_in_quarter={
            name: flow.count(people, quarter.start, as_at)
            for name, flow in (("Received", REFERRED), ("Accepted", ACCEPTED), ("Declined", DECLINED))
        },
        admissions_in_quarter=ADMITTED.by_local_authority(people, quarter.start, as_at, areas),
        outcomes=quarter_outcomes(service, quarter.start, as_at),
        blockers=blockers_by_category(service, quarter.start, as_at),
        workforce=workforce_on(service, as_at),
        case_studies=case_studies_for(service, quarter.start, as_at),
        risks=sorted(risks, key=lambda risk: -risk.score),
        narrative=QuarterNarrative.objects.filter(service=service, quarter=quarter.code).first(),
    )


def published_tables(report: QuarterlyReturn) -> dict:
    """Every count table of the return with small numbers suppressed (primary and secondary)."""
    threshold = report.service.suppression_threshold
    return {
        "supported": {title: suppress_table(table, threshold) for title, table in report.supported.items()},
        "inpatients_at_end": suppress_counts(report.inpatients_at_end, threshold),
        "admissions_in_quarter": suppress_counts(report.admissions_in_quarter, threshold),
        "detained_at_end": suppress_counts(report.detained_at_end, threshold),
        "receiving_keywork_at_end": suppress_counts(report.receiving_keywork_at_end, threshold),
        "referrals_in_quarter": suppress_counts(report.referrals_in_quarter, threshold),
        "blockers": suppress_counts(report.blockers, threshold),
        # Counts of people in the outcomes are suppressed like every other count; averages are not counts.
        "outcomes": {
            name: suppress_count(value, threshold) if name in OUTCOME_COUNTS else value
            for name, value in report.outcomes.items()
        },
    }
