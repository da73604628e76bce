"""Behaviours of concern over time as a server-rendered SVG line chart, with a vertical marker at
the start of keywork; the person page shows the same figures as a table."""

import datetime
from dataclasses import dataclass

from django.utils.html import escape

from keywork.presenters import plural, uk_long_date

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 220, 36, 24, 12


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
    if len(weeks) < 2:
        return ""
    first, last = weeks[0].week_starting, weeks[-1].week_starting
    span = max((last - first).days, 1)
    top = max(max(week.times for week in weeks), 1)

    def x(day: datetime.date) -> float:
        return LEFT + (WIDTH - LEFT - 10) * (day - first).days / span

    def y(times: int) -> float:
        return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * times / top

    points = " ".join(f"{x(week.week_starting):.1f},{y(week.times):.1f}" for week in weeks)
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}-title" class="keywork-chart">'
        f'<title id="{chart_id}-title">Behaviours of concern each week, all kinds added together'
        f"{', with the start of keywork marked' if keywork_started else ''}</title>",
        f'<line x1="{LEFT}" x2="{WIDTH}" y1="{HEIGHT - BOTTOM}" y2="{HEIGHT - BOTTOM}" stroke="#4c6272"/>',
        f'<text x="0" y="{TOP + 4}" font-size="11">{top}</text>',
        f'<text x="0" y="{HEIGHT - BOTTOM}" font-size="11">0</text>',
        f'<polyline points="{points}" fill="none" stroke="#005eb8" stroke-width="2"/>',
    ]
    for week in weeks:
        label = escape(f"Week of {uk_long_date(week.week_starting)}: {plural(week.times, 'time')}")
        parts.append(
            f'<circle cx="{x(week.week_starting):.1f}" cy="{y(week.times):.1f}" r="3" fill="#005eb8">'
            f"<title>{label}</title></circle>"
        )
    parts.append(f'<text x="{LEFT}" y="{HEIGHT - 6}" font-size="11">{first:%b %Y}</text>')
    parts.append(f'<text x="{WIDTH - 60}" y="{HEIGHT - 6}" font-size="11">{last:%b %Y}</text>')
    if keywork_started and first <= keywork_started <= last:
        marker = x(keywork_started)
        parts.append(
            f'<line x1="{marker:.1f}" x2="{marker:.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="#212b32" '
            f'stroke-dasharray="6 4"/><text x="{marker + 4:.1f}" y="{TOP + 10}" font-size="11">Keywork began</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
