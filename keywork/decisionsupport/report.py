"""For the programme lead: how often the rating chosen differs from the tool's suggestion, by
financial-year quarter (April–June is Q1), so the local thresholds and weights can be reviewed.

An assessment of someone in hospital has no suggestion (rules.suggested_rating) and is counted
apart, never as agreeing or differing. Who sees true counts is `audience_for`'s to decide; counts
as published are suppressed with keywork.suppression, and a percentage is hidden with them."""

import datetime
from dataclasses import dataclass

from keywork.decisionsupport.rules import direction
from keywork.money import financial_year_label, financial_year_of
from keywork.suppression import SUPPRESSED, suppress_table

COLUMNS = ("same", "higher", "lower", "no_suggestion")


def quarter_of(day: datetime.date) -> str:
    """The financial-year quarter a day falls in, as the reports name it.

    >>> quarter_of(datetime.date(2026, 1, 15)), quarter_of(datetime.date(2026, 4, 1))
    ('2025/26 Q4', '2026/27 Q1')
    """
    return f"{financial_year_label(financial_year_of(day))} Q{(day.month - 4) % 12 // 3 + 1}"


@dataclass(frozen=True)
class QuarterRow:
    quarter: str
    assessments: int | str
    same: int | str
    higher: int | str
    lower: int | str
    no_suggestion: int | str
    percent_differing: int | str | None  # None when nothing was suggested that quarter


def percent_differing(same: int, higher: int, lower: int) -> int | None:
    """Of the assessments with a suggestion, the share whose rating differed, to the whole percent.

    >>> percent_differing(6, 1, 1), percent_differing(0, 0, 0)
    (25, None)
    """
    suggested = same + higher + lower
    return round(100 * (higher + lower) / suggested) if suggested else None


def counts_by_quarter(assessments) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for assessed_on, suggested, chosen in assessments.values_list("assessed_on", "suggested_rating", "chosen_rating"):
        row = counts.setdefault(quarter_of(assessed_on), dict.fromkeys(COLUMNS, 0))
        row[direction(suggested, chosen) or "no_suggestion"] += 1
    return dict(sorted(counts.items(), reverse=True))


def by_quarter(assessments, audience) -> list[QuarterRow]:
    """Newest quarter first; the counts as `audience` may see them."""
    counts = counts_by_quarter(assessments)
    if not audience.suppressed:
        return [_row(quarter, row, sum(row.values())) for quarter, row in counts.items()]
    table = suppress_table(counts, audience.threshold) if counts else {"cells": {}, "row_totals": {}}
    return [_row(quarter, table["cells"][quarter], table["row_totals"][quarter]) for quarter in counts]


def _row(quarter: str, row: dict, total) -> QuarterRow:
    hidden = any(value == SUPPRESSED for value in row.values())
    percent = SUPPRESSED if hidden else percent_differing(row["same"], row["higher"], row["lower"])
    return QuarterRow(quarter, total, row["same"], row["higher"], row["lower"], row["no_suggestion"], percent)
