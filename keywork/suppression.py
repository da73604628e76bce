"""Small-number suppression for published counts (NHS statistical disclosure practice).

Counts from 1 to the service's threshold are hidden; zero is shown; the total is rounded to the
nearest 5 whenever any cell is hidden, so a hidden cell cannot be recovered by subtraction.
"""

from dataclasses import dataclass

SUPPRESSED = "*"


@dataclass(frozen=True)
class SuppressedCounts:
    cells: dict[str, int | str]
    total: int | str
    any_suppressed: bool


def rule_in_words(threshold: int) -> str:
    """The suppression rule as stated on every page, file and API answer whose counts it hides.
    >>> rule_in_words(7)[:53]
    'Counts from 1 to 7 are hidden (shown as *) to protect'
    """
    return (
        f"Counts from 1 to {threshold} are hidden (shown as *) to protect the privacy of the people counted. "
        "Where a row or column would then have only one hidden count, the next smallest is hidden too, so "
        "no hidden count can be worked out by subtraction, and totals that include a hidden count are "
        "rounded to the nearest 5."
    )


def suppress_count(count: int, threshold: int) -> int | str:
    """
    >>> suppress_count(0, 7), suppress_count(3, 7), suppress_count(8, 7)
    (0, '*', 8)
    """
    return SUPPRESSED if 0 < count <= threshold else count


def round_to_5(value: int) -> int:
    """
    >>> round_to_5(12), round_to_5(13)
    (10, 15)
    """
    return 5 * round(value / 5)


def gives_hidden_away(values: list[int], hidden: list[bool]) -> bool:
    """Whether a line's total, rounded to 5, with its shown cells pins down its hidden cells.

    With a rounded total T the true total is T-2..T+2, so the hidden cells add up to T-2-s..T+2-s
    (s: the shown cells), each at least 1. If that leaves only 1 for each, or only one value for a
    single hidden cell, they are given away.
    >>> gives_hidden_away([1, 1, 10], [True, True, False]), gives_hidden_away([3, 12, 20], [True, True, False])
    (True, False)
    """
    count = sum(hidden)
    if not count:
        return False
    rounded = round_to_5(sum(values))
    shown = sum(value for value, is_hidden in zip(values, hidden, strict=True) if not is_hidden)
    lowest, highest = max(rounded - 2 - shown, count), rounded + 2 - shown
    return highest <= count or (count == 1 and lowest >= highest)


def shown_total(values: list[int], hidden: list[bool], threshold: int) -> int | str:
    """A line's total as published: hidden if small, rounded to 5 if any cell is hidden, else exact."""
    total = sum(values)
    if 0 < total <= threshold:
        return SUPPRESSED
    return round_to_5(total) if any(hidden) else total


def _hide_more(values: list[int], hidden: list[bool]) -> int | None:
    """The index of the next cell to hide in a line, if its hidden cells are not yet safe."""
    lone = sum(hidden) == 1
    if not (lone or gives_hidden_away(values, hidden)):
        return None
    shown = [(value, index) for index, (value, is_hidden) in enumerate(zip(values, hidden, strict=True))
             if not is_hidden and value]  # fmt: skip
    return min(shown)[1] if shown else None


def suppress_counts(counts: dict[str, int], threshold: int) -> SuppressedCounts:
    names, values = list(counts), list(counts.values())
    hidden = [0 < value <= threshold for value in values]
    while any(hidden) and (index := _hide_more(values, hidden)) is not None:
        hidden[index] = True
    cells = {
        name: SUPPRESSED if is_hidden else value for name, value, is_hidden in zip(names, values, hidden, strict=True)
    }
    return SuppressedCounts(cells=cells, total=shown_total(values, hidden, threshold), any_suppressed=any(hidden))


def suppress_table(rows: dict[str, dict[str, int]], threshold: int, hidden: frozenset = frozenset()) -> dict:
    """Suppress a two-way table (e.g. rating × local authority) so no hidden cell can be worked out.

    Primary: counts 1..threshold are hidden. Secondary: while any row or column has exactly one
    hidden cell, or hidden cells its rounded total would give away, the smallest other non-zero
    cell in it is hidden too. Row, column and grand totals are rounded to the nearest 5 when
    anything in them is hidden.
    Returns {"cells": {row: {col: n | "*"}}, "row_totals": {...}, "column_totals": {...}, "total": ...}.
    """
    columns = sorted({col for cells in rows.values() for col in cells})
    hidden = set(hidden) | {(r, c) for r, cells in rows.items() for c, n in cells.items() if 0 < n <= threshold}
    lines = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
    changed = True
    while changed:
        changed = False
        for line in lines:
            flags = [cell in hidden for cell in line]
            index = _hide_more([rows[r].get(c, 0) for r, c in line], flags) if any(flags) else None
            if index is not None:
                hidden.add(line[index])
                changed = True
    cells = {r: {c: SUPPRESSED if (r, c) in hidden else rows[r].get(c, 0) for c in columns} for r in rows}

    def total(line) -> int | str:
        return shown_total([rows[r].get(c, 0) for r, c in line], [cell in hidden for cell in line], threshold)

    every_cell = [(r, c) for r in rows for c in columns]
    return {
        "cells": cells,
        "columns": columns,
        "row_totals": {r: total([(r, c) for c in columns]) for r in rows},
        "column_totals": {c: total([(r, c) for r in rows]) for c in columns},
        "total": total(every_cell),
    }


def suppress_within_line(rows: dict[str, dict[str, int]], threshold: int, line: SuppressedCounts) -> dict:
    """A two-way table whose row totals are published elsewhere as a line (on the register by rating,
    on the home page and the dashboard): every cell of a row the line hides is hidden, and the row
    totals are the line's, so neither output gives away what the other hides.
    >>> line = suppress_counts({"Red": 32, "Blue": 5}, 7)
    >>> table = suppress_within_line({"Red": {"A": 20, "B": 12}, "Blue": {"A": 5, "B": 0}}, 7, line)
    >>> table["cells"]["Red"], table["row_totals"], table["total"]
    ({'A': '*', 'B': '*'}, {'Red': '*', 'Blue': '*'}, 35)
    """
    hidden = {(r, c) for r, cells in rows.items() if line.cells.get(r) == SUPPRESSED for c, n in cells.items() if n}
    table = suppress_table(rows, threshold, frozenset(hidden))
    table["row_totals"] |= {r: value for r, value in line.cells.items() if r in rows}
    if set(rows) == set(line.cells):
        table["total"] = line.total
    return table


def total_of_published(values: list[int], hidden: list[bool], inexact: list[bool], threshold: int) -> int | str:
    """The total of counts each published on its own elsewhere (services side by side), so none can
    be hidden now to protect another: the total is hidden instead when it would give a hidden count
    away, and rounded to 5 when any count in it is hidden or itself rounded (`inexact`).
    >>> total_of_published([3, 40], [True, False], [True, False], 7)
    '*'
    >>> total_of_published([3, 4, 40], [True, True, False], [True, True, False], 7)
    45
    """
    if sum(hidden) == 1 or gives_hidden_away(values, hidden):
        return SUPPRESSED
    return shown_total(values, [a or b for a, b in zip(hidden, inexact, strict=True)], threshold)
