"""Statistical process control in NHS England's "Making Data Count" style: an XmR chart.

The centre line is the mean; the process limits are the mean ± 2.66 × the mean moving range (the
average absolute difference between consecutive points). Special cause variation is any of:
  - a point outside the process limits;
  - a shift: a run of 7 or more consecutive points on one side of the mean (a point on the mean
    ends a run);
  - a trend: 7 or more consecutive points each higher than the last, or each lower (a repeat
    ends it);
  - two of three consecutive points close to a limit: in the outer third between the mean and a
    limit, or beyond it, on the same side.
Limits can be recalculated from a known step change (such as the start of the programme): each
segment then has its own mean and limits, and the rules look only within a segment. Missing
months (figures hidden or not entered) are skipped: the rules count the points there are.
"""

from dataclasses import dataclass, field

LIMIT_FACTOR = 2.66
SHIFT_RUN = 7
TREND_RUN = 7


class Rule:
    OUTSIDE_LIMITS = "outside the process limits"
    SHIFT = "a run of 7 or more on one side of the mean"
    TREND = "7 or more rising or falling in a row"
    NEAR_LIMIT = "2 of 3 points close to a limit"


KIND_WORDS = {
    "common": "Common cause variation",
    "improving": "Special cause variation: improving",
    "concerning": "Special cause variation: concerning",
    "neither": "Special cause variation",
}

# The order a point's signals are read in to say which way it points: a point's own distance
# from the mean first, then the runs it is part of.
RULE_ORDER = [Rule.OUTSIDE_LIMITS, Rule.NEAR_LIMIT, Rule.SHIFT, Rule.TREND]


@dataclass(frozen=True)
class Segment:
    """Points `start` up to (not including) `stop`, with the mean and limits of their own values."""

    start: int
    stop: int
    mean: float
    upper: float
    lower: float


@dataclass
class XmR:
    values: list[float | None]
    segments: list[Segment]
    # For each special-cause point: the rules it breaks, and which way (+1 high, -1 low).
    signals: dict[int, dict[str, int]] = field(default_factory=dict)
    improvement: str | None = None  # "higher" or "lower" is better; None when neither
    target: float | None = None

    @property
    def special(self) -> set[int]:
        return set(self.signals)

    @property
    def latest(self) -> Segment:
        return self.segments[-1]

    def segment_of(self, index: int) -> Segment:
        return next(segment for segment in self.segments if segment.start <= index < segment.stop)

    def direction(self, index: int) -> int:
        """+1 if the point's signal is high (or rising), -1 if low (or falling), 0 if common cause."""
        signals = self.signals.get(index, {})
        return next((signals[rule] for rule in RULE_ORDER if rule in signals), 0)

    def kind(self, index: int) -> str:
        """'common', 'improving', 'concerning' or 'neither' (special cause where no direction is better)."""
        direction = self.direction(index)
        if not direction:
            return "common"
        if self.improvement is None:
            return "neither"
        better = 1 if self.improvement == "higher" else -1
        return "improving" if direction == better else "concerning"

    def described(self, index: int) -> str:
        """The kind of variation a point shows and the rules it breaks, in words."""
        rules = "; ".join(self.signals.get(index, {}))
        return f"{KIND_WORDS[self.kind(index)]}{' (' + rules + ')' if rules else ''}"

    def shown_lower(self, segment: Segment) -> float:
        """A lower limit as drawn: a count cannot fall below 0, so a limit below it is shown as 0."""
        counts = all(value is None or value >= 0 for value in self.values)
        return max(segment.lower, 0.0) if counts else segment.lower


def xmr(values: list[float | None], recalculate_from: int | None = None, improvement=None, target=None) -> XmR | None:
    """
    >>> chart = xmr([10, 12, 11, 13, 12, 30])
    >>> round(chart.latest.mean, 2), round(chart.latest.upper, 2), sorted(chart.special)
    (14.67, 27.43, [5])
    """
    bounds = [0, len(values)]
    if recalculate_from and _enough(values[:recalculate_from]) and _enough(values[recalculate_from:]):
        bounds = [0, recalculate_from, len(values)]
    if not _enough(values):
        return None
    chart = XmR(values, [], improvement=improvement, target=target)
    for start, stop in zip(bounds, bounds[1:], strict=False):
        segment = _limits(values, start, stop)
        chart.segments.append(segment)
        for index, rule, direction in _special_causes(values, segment):
            chart.signals.setdefault(index, {})[rule] = direction
    return chart


def _enough(values) -> bool:
    return sum(value is not None for value in values) >= 2


def _limits(values, start, stop) -> Segment:
    present = [value for value in values[start:stop] if value is not None]
    mean = sum(present) / len(present)
    moving_ranges = [abs(b - a) for a, b in zip(present, present[1:], strict=False)]
    spread = LIMIT_FACTOR * sum(moving_ranges) / len(moving_ranges)
    return Segment(start, stop, mean, mean + spread, mean - spread)


def _special_causes(values, segment: Segment):
    """(index, rule, direction) for every signal in the segment."""
    points = [(index, values[index]) for index in range(segment.start, segment.stop) if values[index] is not None]
    for index, value in points:
        if value > segment.upper or value < segment.lower:
            yield index, Rule.OUTSIDE_LIMITS, 1 if value > segment.upper else -1
    sides = [(index, _sign(value - segment.mean)) for index, value in points]
    for run in _same_sign_runs(sides, SHIFT_RUN):
        for index, side in run:
            yield index, Rule.SHIFT, side
    yield from _trends(points)
    yield from _near_limits(points, segment)


def _trends(points):
    # A trend of 7 points is 6 steps the same way; the point it starts from belongs to it.
    steps = [(position, _sign(points[position][1] - points[position - 1][1])) for position in range(1, len(points))]
    for run in _same_sign_runs(steps, TREND_RUN - 1):
        for position in range(run[0][0] - 1, run[-1][0] + 1):
            yield points[position][0], Rule.TREND, run[0][1]


def _sign(number) -> int:
    return (number > 0) - (number < 0)


def _same_sign_runs(signed: list[tuple[int, int]], length: int):
    """Runs of at least `length` consecutive items with the same non-zero sign."""
    run: list[tuple[int, int]] = []
    for item in [*signed, (-1, 0)]:
        if run and item[1] == run[0][1]:
            run.append(item)
            continue
        if len(run) >= length:
            yield run
        run = [item] if item[1] else []


def _near_limits(points, segment: Segment):
    """Two of any three consecutive points in the outer third (or beyond), on the same side."""
    third = (segment.upper - segment.mean) / 3
    near = [
        (index, 1 if value > segment.mean + 2 * third else -1 if value < segment.mean - 2 * third else 0)
        for index, value in points
    ]
    for window in zip(near, near[1:], near[2:], strict=False):
        for side in (1, -1):
            close = [index for index, this_side in window if this_side == side]
            if len(close) >= 2:
                for index in close:
                    yield index, Rule.NEAR_LIMIT, side
