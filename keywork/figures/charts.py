"""The census as a server-rendered SVG bar chart with the target as a labelled line; the page also
shows the same figures as a table, so nothing depends on seeing the chart. A month over the target
is told apart by a triangle above its bar and the key's words, not by its colour alone."""

from keywork.charts.plot import LegendItem, Look, Plot, chart, marker

WITHIN, OVER, TARGET = Look("blue", shape="square"), Look("red", shape="triangle"), Look("dark", "long")
# Room between a bar's top and the triangle over it.
MARKER_GAP = 9


def census_chart(months, suppressed: bool) -> str:
    """No chart of suppressed counts: a bar cannot be drawn for a hidden number."""
    if not months or suppressed:
        return ""
    target = months[0].target
    labels = [f"{month.month:%b %y}" for month in months]

    def draw(plot: Plot) -> list[str]:
        parts = []
        for index, month in enumerate(months):
            look = OVER if month.over_target else WITHIN
            title = f"{month.month:%B %Y}: {month.count}{' (over the target)' if month.over_target else ''}"
            parts.append(plot.bar(index, month.count, look.colour, title))
            if month.over_target:
                parts.append(marker(OVER, plot.x(index), plot.y(month.count) - MARKER_GAP, title))
        return [
            *parts,
            plot.horizontal(target, TARGET, title=f"Target {target}"),
            plot.end_labels([(target, f"Target {target}")]),
        ]

    return chart(
        f"People in hospital each month, against the target of {target}",
        "census-chart",
        f"A bar for each month from {labels[0]} to {labels[-1]}; bars over the target line are red, "
        "with a triangle above them.",
        labels,
        [*(month.count for month in months), target],
        draw,
        [
            LegendItem("Within the target", WITHIN),
            LegendItem("Over the target (marked with a triangle)", OVER),
            LegendItem(f"Target ({target} people)", TARGET),
        ],
        band=True,
        y_title="People",
    )
