"""Statistical process control in NHS England's "Making Data Count" style: an XmR chart.

The centre line is the mean; the process limits are the mean ± 2.66 × the mean moving range
(the average absolute difference between consecutive points). Special cause: a point outside
the limits, or a run of 7 or more consecutive points on one side of the mean (a shift).
"""

from dataclasses import dataclass

LIMIT_FACTOR = 2.66
SHIFT_RUN = 7


@dataclass
class XmR:
    values: list[float]
    mean: float
    upper: float
    lower: float
    special: set[int]  # indexes of special-cause points


def xmr(values: list[float]) -> XmR | None:
    """
    >>> chart = xmr([10, 12, 11, 13, 12, 30])
    >>> round(chart.mean, 2), round(chart.upper, 2), sorted(chart.special)
    (14.67, 27.43, [5])
    """
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    moving_ranges = [abs(b - a) for a, b in zip(values, values[1:], strict=False)]
    mr_bar = sum(moving_ranges) / len(moving_ranges)
    upper, lower = mean + LIMIT_FACTOR * mr_bar, mean - LIMIT_FACTOR * mr_bar
    special = {i for i, value in enumerate(values) if value > upper or value < lower}
    special |= _shifts(values, mean)
    return XmR(values, mean, upper, lower, special)


def _shifts(values, mean) -> set[int]:
    found, run, side = set(), [], 0
    for index, value in enumerate(values):
        this_side = (value > mean) - (value < mean)
        if this_side != 0 and this_side == side:
            run.append(index)
        else:
            run, side = ([index], this_side) if this_side else ([], 0)
        if len(run) >= SHIFT_RUN:
            found.update(run)
    return found
