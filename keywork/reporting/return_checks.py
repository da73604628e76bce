"""What is inconsistent in a quarterly return, listed before it is downloaded so the lead can fix it.

These are warnings, not a block: the return can still be downloaded, and its files list them on
the cover. Each problem says where it is fixed. No problem quotes a count of people, so the list
can be shown to everyone who may see the return without giving a suppressed number away.
"""

from dataclasses import dataclass

from django.urls import reverse

from keywork.accounts.permissions import Permission
from keywork.presenters import number, uk_long_date
from keywork.register.choices import Rating

BLUE_ROW = Rating.BLUE.label.split(" – ")[0]
ON_REGISTER_AT_END = "On the register at the quarter's end"
NOT_RATED = "Not rated"


@dataclass(frozen=True)
class Problem:
    text: str
    fix: str  # the words of the link to where it is fixed
    url: str
    permission: Permission  # needed to fix it there


def return_problems(report) -> list[Problem]:
    """Every problem in the return, in the order its sections appear."""
    return [
        *ods_code_not_set(report),
        *quarter_not_ended(report),
        *more_wte_than_headcount(report),
        *not_rated(report),
        *blue_ratings_not_matching_hospital(report),
        *allocations_without_a_referral(report),
        *narrative_not_written(report),
    ]


def ods_code_not_set(report) -> list[Problem]:
    """NHS England files a return under its organisation's ODS code, so one without it cannot be matched."""
    if report.service.ods_code.strip():
        return []
    return [
        Problem(
            "The service's ODS code is not set, so the return does not say which organisation it is from",
            "Set the ODS code in the return's settings",
            reverse("reporting:return_settings"),
            Permission.MANAGE_PROGRAMME,
        )
    ]


def quarter_not_ended(report) -> list[Problem]:
    if report.as_at >= report.quarter.end:
        return []
    previous = report.quarter.previous()
    return [
        Problem(
            f"{report.quarter.label} has not ended: its figures are as at {uk_long_date(report.as_at)} "
            f"and will change until {uk_long_date(report.quarter.end)}",
            f"Show {previous.label}, the last quarter that has ended",
            reverse("reporting:quarterly") + f"?quarter={previous.code}",
            Permission.VIEW_AGGREGATES,
        )
    ]


def more_wte_than_headcount(report) -> list[Problem]:
    """Nobody works more than full time, so a role's whole-time equivalent cannot exceed its headcount."""
    day = report.as_at
    url = reverse("programme:workforce") + f"?on_0={day.day}&on_1={day.month}&on_2={day.year}"
    return [
        Problem(
            f"Workforce, {role}: the whole-time equivalent ({number(figures['wte'], 2)}) is more than the "
            f"headcount ({figures['headcount']})",
            f"Correct the posts filled in the workforce on {uk_long_date(report.as_at)}",
            url,
            Permission.MANAGE_WORKFORCE,
        )
        for role, figures in report.workforce["by_role"].items()
        if figures["wte"] > figures["headcount"]
    ]


def not_rated(report) -> list[Problem]:
    """Everyone on the register has a rating: a "Not rated" row means a rating recorded as starting
    after the quarter's end for someone referred before it."""
    if not any(report.supported[ON_REGISTER_AT_END].get(NOT_RATED, {}).values()):
        return []
    return [
        Problem(
            "Some people on the register at the quarter's end had no rating on that day",
            "Check the ratings on the register",
            reverse("register:list"),
            Permission.VIEW_PEOPLE,
        )
    ]


def blue_ratings_not_matching_hospital(report) -> list[Problem]:
    """Blue means in hospital (domain rule), so the Blue row at the quarter's end should equal the
    people in hospital then, area by area; a Blue rating entered without an admission breaks it."""
    blue = report.supported[ON_REGISTER_AT_END].get(BLUE_ROW, {})
    areas = sorted(set(blue) | set(report.inpatients_at_end))
    return [
        Problem(
            f"{area}: the people rated Blue at the quarter's end are not the same number as the people "
            "in hospital then",
            f"Check the ratings of the people in hospital from {area}",
            reverse("inpatient:list"),
            Permission.VIEW_PEOPLE,
        )
        for area in areas
        if blue.get(area, 0) != report.inpatients_at_end.get(area, 0)
    ]


def allocations_without_a_referral(report) -> list[Problem]:
    """Keywork follows an accepted referral (domain.md), so a first designated keyworker allocation
    with none before it is a referral not recorded; the median days to allocation leaves it out."""
    if not report.days_to_allocation.unreferred:
        return []
    return [
        Problem(
            f"Some people whose keywork started in {report.quarter.label} have no accepted referral recorded "
            "before it, so the median days from referral to allocation leaves them out",
            "Record their referrals on their records in the register",
            reverse("register:list"),
            Permission.RECORD_REFERRAL,
        )
    ]


NARRATIVE_PARTS = {
    "improvement": "The continuous-improvement activity for {quarter} is not written",
    "challenges": "The challenges for {quarter} are not written",
}


def narrative_not_written(report) -> list[Problem]:
    url = reverse("reporting:narrative") + f"?quarter={report.quarter.code}"
    return [
        Problem(
            text.format(quarter=report.quarter.label),
            f"Write the improvement activity and challenges for {report.quarter.label}",
            url,
            Permission.MANAGE_PROGRAMME,
        )
        for part, text in NARRATIVE_PARTS.items()
        if not (report.narrative and getattr(report.narrative, part).strip())
    ]
