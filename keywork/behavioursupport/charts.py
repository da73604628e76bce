"""Behaviours of concern week by week, drawn from the incident log and from the weekly counts
(outcomes' behaviour records, read through the person), with the start of keywork and each PBS
plan version marked: a server-rendered SVG chart (keywork.charts.plot) and the same figures as rows
for the table beside it."""

import datetime
from dataclasses import dataclass, field

from keywork.behavioursupport.rules import week_starting
from keywork.charts.plot import MOMENT, LegendItem, Look, Plot, chart
from keywork.presenters import plural, uk_long_date

INCIDENTS = Look("red", "solid", "square")
WEEKLY = Look("blue", "long", "circle")
# A year of weeks at most: enough to see a plan's effect, few enough to read; and at least eight,
# so a first incident is a point on a line rather than a chart of one week.
MOST_WEEKS, FEWEST_WEEKS = 52, 8


@dataclass
class ChartWeek:
    week_starting: datetime.date
    incidents: int = 0
    practices: int = 0
    weekly_times: int | None = None  # None: no weekly count recorded that week
    marks: list[str] = field(default_factory=list)  # "Keywork began", "PBS plan version 2 agreed"


def chart_weeks(incidents, weekly_records, keywork_started, plans, today: datetime.date) -> list[ChartWeek]:
    """Every week from the first incident or weekly count (at most a year back, at least eight
    weeks) to this week."""
    days = [incident.day for incident in incidents] + [record.week_starting for record in weekly_records]
    if not days:
        return []
    last = week_starting(today)
    earliest = min(week_starting(min(days)), last - datetime.timedelta(weeks=FEWEST_WEEKS - 1))
    first = max(earliest, last - datetime.timedelta(weeks=MOST_WEEKS - 1))
    weeks = {first + datetime.timedelta(weeks=n): None for n in range((last - first).days // 7 + 1)}
    weeks = {monday: ChartWeek(monday) for monday in weeks}
    for incident in incidents:
        if week := weeks.get(week_starting(incident.day)):
            week.incidents += 1
            week.practices += len(incident.practices.all())
    for record in weekly_records:
        if week := weeks.get(week_starting(record.week_starting)):
            week.weekly_times = (week.weekly_times or 0) + record.frequency_per_week
    marks = [(keywork_started, "Keywork began")] if keywork_started else []
    marks += [(plan.agreed_on, f"PBS plan version {plan.version} agreed") for plan in plans]
    for day, text in marks:
        if week := weeks.get(week_starting(day)):
            week.marks.append(text)
    return list(weeks.values())


def behaviour_chart(weeks: list[ChartWeek], chart_id: str) -> str:
    """Incidents each week as one line, the weekly counts as another (a gap where none was
    recorded), and a vertical line at each marked week."""
    if len(weeks) < 2:
        return ""
    labels = [f"{week.week_starting:%-d %b %y}" for week in weeks]
    incidents = [week.incidents for week in weeks]
    weekly = [week.weekly_times for week in weeks]
    has_weekly = any(value is not None for value in weekly)

    def draw(plot: Plot) -> list[str]:
        parts = [plot.line(incidents, INCIDENTS, [_title(week, "incident", week.incidents) for week in weeks])]
        if has_weekly:
            titles = [_title(week, "time", week.weekly_times) for week in weeks]
            parts.append(plot.line(weekly, WEEKLY, titles))
        for index, week in enumerate(weeks):
            for text in week.marks:
                parts.append(plot.vertical(index, _short(text)))
        return parts

    legend = [LegendItem("Incidents recorded each week", INCIDENTS)]
    legend += [LegendItem("Times each week from the weekly counts", WEEKLY)] if has_weekly else []
    legend += [LegendItem("Start of keywork, or a PBS plan version agreed", MOMENT)]
    first, last = weeks[0].week_starting, weeks[-1].week_starting
    return chart(
        "Behaviours of concern each week, from incidents and weekly counts, with keywork and plan versions marked",
        chart_id,
        f"Each week from the week of {uk_long_date(first)} to that of {uk_long_date(last)}.",
        labels,
        incidents + [value for value in weekly if value is not None],
        draw,
        legend,
        y_title="Number",
        end_labels=False,
    )


def _title(week: ChartWeek, noun: str, value: int | None) -> str:
    what = "no weekly count recorded" if value is None else plural(value, noun)
    return f"Week of {uk_long_date(week.week_starting)}: {what}"


def _short(text: str) -> str:
    """The words beside a marker line, short so neighbouring markers stay readable.

    >>> _short("PBS plan version 2 agreed"), _short("Keywork began")
    ('Plan 2', 'Keywork began')
    """
    return text.replace("PBS plan version ", "Plan ").replace(" agreed", "")
