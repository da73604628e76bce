"""The census as a server-rendered SVG bar chart with the target as a line; the page also shows
the same figures as a table, so nothing depends on seeing the chart."""

from django.utils.html import escape

WIDTH, HEIGHT, LEFT, BOTTOM = 720, 240, 36, 24


def census_chart(months, suppressed: bool) -> str:
    if not months or suppressed:
        return ""
    top = max(max(m.count for m in months), months[0].target, 1)
    bar = (WIDTH - LEFT) / len(months)
    scale = (HEIGHT - BOTTOM - 10) / top
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="census-chart-title" '
        f'class="keywork-chart"><title id="census-chart-title">People in hospital each month, '
        f"against the target of {months[0].target}</title>"
    ]
    for index, month in enumerate(months):
        height = month.count * scale
        x, y = LEFT + index * bar, HEIGHT - BOTTOM - height
        colour = "#d5281b" if month.over_target else "#005eb8"
        label = escape(f"{month.month:%b %Y}: {month.count}")
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{height:.1f}" fill="{colour}">'
            f"<title>{label}</title></rect>"
        )
        if month.month.month == 1:
            parts.append(f'<text x="{x:.1f}" y="{HEIGHT - 6}" font-size="11">{month.month.year}</text>')
    target_y = HEIGHT - BOTTOM - months[0].target * scale
    parts.append(
        f'<line x1="{LEFT}" x2="{WIDTH}" y1="{target_y:.1f}" y2="{target_y:.1f}" stroke="#212b32" '
        f'stroke-dasharray="6 4"/><text x="0" y="{target_y + 4:.1f}" font-size="11">Target</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
