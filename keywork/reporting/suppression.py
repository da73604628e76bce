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
