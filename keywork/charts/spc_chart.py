"""An XmR chart drawn and explained in NHS England's "Making Data Count" words: each segment's
mean and process limits, points coloured *and* shaped by the kind of variation, the target, and
what the variation and assurance icons would say, written out."""

from dataclasses import dataclass

from keywork.charts.plot import MOMENT, LegendItem, Look, Plot, chart, marker, tick_label
from keywork.charts.spc import KIND_WORDS, XmR

POINT_LOOKS = {
    "common": Look("grey", shape="circle"),
    "improving": Look("blue", shape="diamond"),
    "concerning": Look("orange", shape="square"),
    "neither": Look("purple", shape="triangle"),
}
# The values: a grey line joining the points, each point marked by its kind of variation.
VALUES, MEAN = Look("grey", "solid"), Look("dark", "solid")
LIMITS, TARGET = Look("dark", "short"), Look("red", "long")


@dataclass(frozen=True)
class Verdict:
    """An icon's meaning in words: a short name (shown as a tag) and what it means."""

    name: str
    colour: str  # an NHS.UK tag colour
    meaning: str


def variation(spc: XmR) -> Verdict:
    """Making Data Count's variation icon, from the latest point."""
    latest = max(index for index, value in enumerate(spc.values) if value is not None)
    kind = spc.kind(latest)
    higher = spc.direction(latest) > 0
    which = "higher" if higher else "lower"
    if kind == "common":
        return Verdict(
            "Common cause variation",
            "grey",
            "No significant change: the latest month is within what the process usually does.",
        )
    if kind == "neither":
        return Verdict(
            "Special cause variation",
            "purple",
            f"The latest month shows a change unlikely to be chance, to {which} figures.",
        )
    improving = kind == "improving"
    return Verdict(
        f"Special cause {'improvement' if improving else 'concern'}",
        "blue" if improving else "orange",
        f"The latest month shows a change unlikely to be chance, to {which} figures, "
        f"which is {'better' if improving else 'worse'}.",
    )


def assurance(spc: XmR) -> Verdict | None:
    """Making Data Count's assurance icon: will the process meet the target? Only the latest
    segment's limits count. None without a target or a direction that is better."""
    if spc.target is None or spc.improvement is None:
        return None
    segment, target = spc.latest, float(spc.target)
    worst, best = (segment.lower, segment.upper) if spc.improvement == "higher" else (segment.upper, segment.lower)
    meets = worst >= target if spc.improvement == "higher" else worst <= target
    fails = best < target if spc.improvement == "higher" else best > target
    if meets:
        return Verdict(
            "Consistently meets the target",
            "blue",
            "The target is outside the process limits, on the side they pass: the process will meet it "
            "every month unless something changes.",
        )
    if fails:
        return Verdict(
            "Consistently misses the target",
            "orange",
            "The target is outside the process limits, on the side they fail: the process will not meet it "
            "without a change to how it works.",
        )
    return Verdict(
        "Hit and miss",
        "grey",
        "The target is between the process limits: the process will meet it in some months and miss it "
        "in others, by chance alone.",
    )


def spc_chart(title: str, chart_id: str, labels: list[str], spc: XmR, unit_title: str = "") -> str:
    """The values, each segment's mean and limits (a new segment where they were recalculated),
    the target, and each point marked by the kind of variation."""

    def draw(plot: Plot) -> list[str]:
        parts = [plot.line(spc.values, VALUES)]
        for segment in spc.segments:
            last = segment.stop - 1
            if segment.start:
                parts.append(plot.vertical(segment.start - 0.5, "Limits recalculated"))
            parts.append(plot.horizontal(segment.mean, MEAN, segment.start, last, f"Mean {_number(segment.mean)}"))
            for limit in (segment.upper, spc.shown_lower(segment)):
                parts.append(plot.horizontal(limit, LIMITS, segment.start, last, f"Process limit {_number(limit)}"))
        if spc.target is not None:
            parts.append(plot.horizontal(float(spc.target), TARGET, title=f"Target {_number(spc.target)}"))
        for index, value in enumerate(spc.values):
            if value is not None:
                kind = spc.kind(index)
                title = f"{labels[index]}: {_number(value)}. {KIND_WORDS[kind]}"
                parts.append(marker(POINT_LOOKS[kind], plot.x(index), plot.y(value), title))
        latest = spc.latest
        ends = [(latest.mean, f"Mean {_number(latest.mean)}"), (latest.upper, f"Upper {_number(latest.upper)}")]
        ends.append((spc.shown_lower(latest), f"Lower {_number(spc.shown_lower(latest))}"))
        if spc.target is not None:
            ends.append((float(spc.target), f"Target {_number(spc.target)}"))
        return [*parts, plot.end_labels(ends)]

    kinds = {spc.kind(index) for index, value in enumerate(spc.values) if value is not None}
    legend = [
        LegendItem(title, Look(VALUES.colour, VALUES.dash, "circle")),
        LegendItem("Mean", MEAN),
        LegendItem("Process limits", LIMITS),
    ]
    legend += [LegendItem("Target", TARGET)] if spc.target is not None else []
    legend += [LegendItem("Limits recalculated", MOMENT)] if len(spc.segments) > 1 else []
    legend += [LegendItem(KIND_WORDS[kind], POINT_LOOKS[kind]) for kind in POINT_LOOKS if kind in kinds]
    scale = [*spc.values, *(s.upper for s in spc.segments), *(spc.shown_lower(s) for s in spc.segments), spc.target]
    description = (
        f"{title}, {labels[0]} to {labels[-1]}, with the mean and process limits"
        f"{' recalculated from ' + labels[spc.latest.start] if len(spc.segments) > 1 else ''}; "
        f"{len(spc.special)} months show special cause variation."
    )
    return chart(title, chart_id, description, labels, scale, draw, legend, y_title=unit_title)


def _number(value) -> str:
    return tick_label(round(float(value), 1))
