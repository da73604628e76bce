"""Server-rendered SVG charts. Each page shows the same figures in a table beside the chart."""

from django.utils.html import escape

WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 720, 240, 40, 24, 10
COLOURS = {"red": "#d5281b", "amber": "#ffb81c", "green": "#007f3b", "blue": "#005eb8", "grey": "#768692"}


def _scale(top_value: float):
    top_value = max(top_value, 1)
    return lambda value: HEIGHT - BOTTOM - (value / top_value) * (HEIGHT - BOTTOM - TOP)


def _frame(title: str, chart_id: str, body: list[str]) -> str:
    return (
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{chart_id}-title" class="keywork-chart">'
        f'<title id="{chart_id}-title">{escape(title)}</title>{"".join(body)}</svg>'
    )


def _x(index: int, count: int) -> float:
    return LEFT + (WIDTH - LEFT - 10) * (index / max(count - 1, 1))


def line_chart(title: str, chart_id: str, labels: list[str], series: dict[str, list], extra_lines=()) -> str:
    """Lines for each named series (colour by name), with optional horizontal lines (label, value, dash)."""
    values = [v for points in series.values() for v in points if v is not None]
    values += [value for _, value, _ in extra_lines]
    y = _scale(max(values, default=1) * 1.1)
    body = []
    for name, points in series.items():
        coords = [f"{_x(i, len(points)):.1f},{y(v):.1f}" for i, v in enumerate(points) if v is not None]
        if coords:
            body.append(
                f'<polyline fill="none" stroke="{COLOURS.get(name, "#005eb8")}" stroke-width="2" '
                f'points="{" ".join(coords)}"><title>{escape(name)}</title></polyline>'
            )
    for label, value, dash in extra_lines:
        body.append(
            f'<line x1="{LEFT}" x2="{WIDTH - 10}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#212b32" '
            f'stroke-dasharray="{dash}"><title>{escape(label)}: {value:.1f}</title></line>'
            f'<text x="0" y="{y(value) + 4:.1f}" font-size="10">{escape(label)}</text>'
        )
    step = max(len(labels) // 6, 1)
    body += [
        f'<text x="{_x(i, len(labels)):.1f}" y="{HEIGHT - 6}" font-size="10">{escape(label)}</text>'
        for i, label in enumerate(labels)
        if i % step == 0
    ]
    return _frame(title, chart_id, body)


def spc_chart(title: str, chart_id: str, labels: list[str], chart) -> str:
    """An XmR chart: the values, the mean and process limits, special-cause points ringed in orange."""
    svg = line_chart(
        title,
        chart_id,
        labels,
        {"blue": chart.values},
        [("Mean", chart.mean, "2 0"), ("Upper limit", chart.upper, "6 4"), ("Lower limit", max(chart.lower, 0), "6 4")],
    )
    y = _scale(max([*chart.values, chart.upper]) * 1.1)
    rings = "".join(
        f'<circle cx="{_x(i, len(chart.values)):.1f}" cy="{y(chart.values[i]):.1f}" r="4" fill="#ed8b00">'
        f"<title>Special cause: {escape(labels[i])}</title></circle>"
        for i in sorted(chart.special)
    )
    return svg.replace("</svg>", rings + "</svg>")
