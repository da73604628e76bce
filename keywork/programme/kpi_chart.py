"""A KPI's monthly series as an XmR chart in NHS England's "Making Data Count" style, against its
target and in its better direction, with limits recalculated from a known step change. Hidden
(suppressed) and missing months are gaps, and the limits are computed without them, so the chart
gives away nothing the table hides."""

from keywork.charts.spc import xmr
from keywork.charts.spc_chart import assurance, spc_chart, variation
from keywork.programme.step_change import month_choices, step_change


def kpi_chart(request, kpi, series) -> dict:
    """The page context for the chart: the chart, its verdicts in words and the recalculation form."""
    months = [point.month for point in series]
    step = step_change(request, kpi.service)
    values = [None if point.value is None else float(point.value) for point in series]
    start = months.index(step.month) if step.month in months else None
    spc = xmr(values, start, improvement=kpi.direction, target=float(kpi.target))
    if spc is None:
        return {"spc": None}
    labels = [f"{month:%b %y}" for month in months]
    return {
        "spc": spc,
        "chart": spc_chart(kpi.name, f"kpi-{kpi.pk}", labels, spc, kpi.unit.capitalize()),
        "verdicts": [("Variation", variation(spc)), ("Assurance", assurance(spc))],
        "step": step,
        "months": month_choices(months),
    }
