"""The census as a server-rendered SVG bar chart with the target as a line; the page also shows
the same figures as a table, so nothing depends on seeing the chart."""

from keywork.charts.plot import LegendItem, Look, Plot, chart

WITHIN, OVER, TARGET = Look("blue", shape="square"), Look("red", shape="square"), Look("dark", "long")


def census_chart(months, suppressed: bool) -> str:
    if not months or suppressed:
        return ""
    target = months[0].target
    labels = [f"{month.month:%b %y}" for month in months]

    def draw(plot: Plot) -> list[str]:
        bars = [
            plot.bar(
                index,
                month.count,
                (OVER if month.over_target else WITHIN).colour,
                f"{month.month:%B %Y}: {month.count}{' (over the target)' if month.over_target else ''}",
            )
            for index, month in enumerate(months)
        ]
        return [
            *bars,
            plot.horizontal(target, TARGET, title=f"Target {target}"),
            plot.end_labels([(target, f"Target {target}")]),
        ]

    return chart(
        f"People in hospital each month, against the target of {target}",
        "census-chart",
        f"A bar for each month from {labels[0]} to {labels[-1]}; bars over the target line are red.",
        labels,
        [*(month.count for month in months), target],
        draw,
        [LegendItem("Within the target", WITHIN), LegendItem("Over the target", OVER), LegendItem("Target", TARGET)],
        band=True,
        y_title="People",
    )
