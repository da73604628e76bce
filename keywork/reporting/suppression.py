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


def suppress_counts(counts: dict[str, int], threshold: int) -> SuppressedCounts:
    cells = {name: suppress_count(count, threshold) for name, count in counts.items()}
    hidden = [name for name, cell in cells.items() if cell == SUPPRESSED]
    # With exactly one hidden cell, the smallest other non-zero cell is hidden too (secondary
    # suppression), so the hidden one cannot be narrowed down from the total and the rest.
    if len(hidden) == 1:
        shown = sorted((count, name) for name, count in counts.items() if name not in hidden and count > 0)
        if shown:
            cells[shown[0][1]] = SUPPRESSED
    total = sum(counts.values())
    any_suppressed = SUPPRESSED in cells.values()
    shown_total = round_to_5(total) if any_suppressed else total
    if 0 < total <= threshold:
        shown_total = SUPPRESSED
    return SuppressedCounts(cells=cells, total=shown_total, any_suppressed=any_suppressed)


def suppress_table(rows: dict[str, dict[str, int]], threshold: int) -> dict:
    """Suppress a two-way table (e.g. rating × local authority) so no hidden cell can be worked out.

    Primary: counts 1..threshold are hidden. Secondary: while any row or column has exactly one
    hidden cell, the smallest other non-zero cell in it is hidden too. Row, column and grand
    totals are rounded to the nearest 5 when anything in them is hidden.
    Returns {"cells": {row: {col: n | "*"}}, "row_totals": {...}, "column_totals": {...}, "total": ...}.
    """
    columns = sorted({col for cells in rows.values() for col in cells})
    hidden = {(r, c) for r, cells in rows.items() for c, n in cells.items() if 0 < n <= threshold}
    lines = [[(r, c) for c in columns] for r in rows] + [[(r, c) for r in rows] for c in columns]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for cell in line if cell in hidden) == 1:
                others = sorted(
                    (rows[r].get(c, 0), r, c) for r, c in line if (r, c) not in hidden and rows[r].get(c, 0)
                )
                if others:
                    hidden.add((others[0][1], others[0][2]))
                    changed = True
    cells = {r: {c: SUPPRESSED if (r, c) in hidden else rows[r].get(c, 0) for c in columns} for r in rows}

    def total(line) -> int | str:
        value = sum(rows[r].get(c, 0) for r, c in line)
        if 0 < value <= threshold:
            return SUPPRESSED
        return round_to_5(value) if any(cell in hidden for cell in line) else value

    every_cell = [(r, c) for r in rows for c in columns]
    return {
        "cells": cells,
        "columns": columns,
        "row_totals": {r: total([(r, c) for c in columns]) for r in rows},
        "column_totals": {c: total([(r, c) for r in rows]) for c in columns},
        "total": total(every_cell),
    }
