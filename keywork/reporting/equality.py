"""The equality figures for a quarter (figures/catalogue.py EQUALITY_FIGURES), each by each dimension,
with counts and percentages, as the page, its CSV file and the API give them: for those who see
counts as published, each figure's breakdown is suppressed on its own (keywork/suppression.py), and
a hidden count's percentage is hidden with it."""

import csv
import datetime
import io
from dataclasses import dataclass

from keywork.figures.catalogue import EQUALITY_FIGURES, ON_A_DATE, Figure
from keywork.figures.equality import DIMENSIONS
from keywork.reporting.quarters import Quarter
from keywork.spreadsheets import safe_cell
from keywork.suppression import SUPPRESSED, suppress_counts


@dataclass(frozen=True)
class Cell:
    count: int | str
    percent: int | str | None  # of the figure's total as shown; None when the total is 0


@dataclass(frozen=True)
class Breakdown:
    """One figure by one dimension."""

    figure: Figure
    cells: dict[str, Cell]
    total: int | str


@dataclass(frozen=True)
class DimensionTable:
    dimension: str
    detail_of: str  # the broader dimension it divides, if any
    groups: list[str]
    breakdowns: list[Breakdown]


@dataclass(frozen=True)
class EqualityReport:
    quarter: Quarter
    as_at: datetime.date  # the stocks' date: the quarter's last day, or today in the current quarter
    suppressed: bool
    tables: list[DimensionTable]

    def when(self, figure: Figure) -> tuple[datetime.date, datetime.date]:
        """The day a stock is counted on (from and to), or a flow's period."""
        return (self.as_at, self.as_at) if figure.kind == ON_A_DATE else (self.quarter.start, self.as_at)


def percent(count: int | str, total: int | str) -> int | str | None:
    """Whole per cent of the total shown (so a rounded total cannot be worked back from it), halves up.
    >>> percent(3, 12), percent(1, 8), percent(SUPPRESSED, 15), percent(10, SUPPRESSED), percent(0, 0)
    (25, 13, '*', '*', None)
    """
    if SUPPRESSED in (count, total):
        return SUPPRESSED
    return (200 * count + total) // (2 * total) if total else None


def _breakdown(figure: Figure, counts: dict[str, int], suppressed: bool, threshold: int) -> Breakdown:
    if suppressed:
        published = suppress_counts(counts, threshold)
        shown, total = published.cells, published.total
    else:
        shown, total = counts, sum(counts.values())
    cells = {group: Cell(count, percent(count, total)) for group, count in shown.items()}
    return Breakdown(figure, cells, total)


def equality_report(people, service, quarter: Quarter, today: datetime.date, suppressed: bool) -> EqualityReport:
    as_at = min(quarter.end, today)
    computed = [(figure, figure.compute(people, service, quarter.start, as_at)) for figure in EQUALITY_FIGURES]
    tables = []
    for dimension in DIMENSIONS:
        # Every group any figure has, in the dimension's order, so the figures share the table's rows.
        groups = list(dict.fromkeys(group for _, by in computed for group in by[dimension.name]))
        breakdowns = [
            _breakdown(
                figure,
                {group: by[dimension.name].get(group, 0) for group in groups},
                suppressed,
                service.suppression_threshold,
            )
            for figure, by in computed
        ]
        tables.append(DimensionTable(dimension.name, dimension.detail_of, groups, breakdowns))
    return EqualityReport(quarter, as_at, suppressed, tables)


CSV_HEADINGS = ["Figure", "From", "To", "Dimension", "Group", "Count", "Per cent"]


def equality_csv(report: EqualityReport, rule: str) -> str:
    """One row for each figure, dimension and group, then each breakdown's total; the rule last when
    counts are hidden."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADINGS)
    for table in report.tables:
        for breakdown in table.breakdowns:
            start, end = report.when(breakdown.figure)
            for group, cell in [*breakdown.cells.items(), ("Total", Cell(breakdown.total, None))]:
                row = [breakdown.figure.name, start, end, table.dimension, group, cell.count, cell.percent]
                writer.writerow([safe_cell("" if value is None else value) for value in row])
    if report.suppressed:
        writer.writerow([safe_cell(rule)])
    return out.getvalue()
