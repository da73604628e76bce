"""Behaviours of concern over time as a server-rendered SVG line chart (keywork.charts.plot), with a
vertical marker at the start of keywork; the person page shows the same figures as a table."""

import datetime
from dataclasses import dataclass

from keywork.charts.plot import MOMENT, LegendItem, Look, Plot, chart
from keywork.presenters import plural, uk_long_date

TIMES = Look("blue", "solid", "circle")


@dataclass(frozen=True)
class BehaviourWeek:
    week_starting: datetime.date
    times: int
    worst_severity: int


def behaviour_weeks(records) -> list[BehaviourWeek]:
    """Every behaviour recorded in a week added together, with the worst severity that week."""
    weeks: dict[datetime.date, list] = {}
    for record in records:
        weeks.setdefault(record.week_starting, []).append(record)
    return [
        BehaviourWeek(week, sum(r.frequency_per_week for r in rows), max(r.severity for r in rows))
        for week, rows in sorted(weeks.items())
    ]


def behaviour_chart(weeks: list[BehaviourWeek], keywork_started: datetime.date | None, chart_id: str) -> str:
    """A point for each week from the first record to the last; a week with no record is a gap in
    the line, not a straight line drawn across it."""
    if len(weeks) < 2:
        return ""
    first = weeks[0].week_starting
    count = (weeks[-1].week_starting - first).days // 7 + 1
    times: list[int | None] = [None] * count
    for week in weeks:
        index = round((week.week_starting - first).days / 7)
        times[index] = (times[index] or 0) + week.times
    labels = [f"{first + datetime.timedelta(weeks=index):%-d %b %y}" for index in range(count)]
    titles = [
        f"Week of {uk_long_date(first + datetime.timedelta(weeks=index))}: "
        + ("nothing recorded" if value is None else plural(value, "time"))
        for index, value in enumerate(times)
    ]

    def draw(plot: Plot) -> list[str]:
        parts = [plot.line(times, TIMES, titles)]
        if keywork_started and first <= keywork_started <= weeks[-1].week_starting:
            parts.append(plot.vertical((keywork_started - first).days / 7, "Keywork began"))
        return parts

    legend = [LegendItem("Times each week, all behaviours together", TIMES)]
    legend += [LegendItem("Start of keywork", MOMENT)] if keywork_started else []
    return chart(
        "Behaviours of concern each week, all kinds added together"
        + (", with the start of keywork marked" if keywork_started else ""),
        chart_id,
        f"Times each week from the week of {uk_long_date(first)} to that of {uk_long_date(weeks[-1].week_starting)}.",
        labels,
        times,
        draw,
        legend,
        y_title="Times",
        end_labels=False,
    )
