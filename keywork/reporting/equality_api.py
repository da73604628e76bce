"""The equality figures through the API, as the equality page shows them (keywork/reporting/equality.py)."""

import datetime

from django.utils import timezone
from ninja import Router, Schema

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.register.access import people_for
from keywork.reporting.equality import equality_report
from keywork.reporting.quarters import Quarter

router = Router(tags=["Figures"])


class EqualityGroupOut(Schema):
    group: str
    count: int | str
    percent: int | str | None  # of the total shown; "*" with a hidden count; null when the total is 0


class EqualityBreakdownOut(Schema):
    figure: str
    dimension: str
    start: datetime.date  # a stock's day, or a flow's first day
    end: datetime.date
    groups: list[EqualityGroupOut]
    total: int | str


class EqualityFiguresOut(Schema):
    quarter: str
    on: datetime.date
    suppressed: bool
    suppression_rule: str | None
    breakdowns: list[EqualityBreakdownOut]


@router.get("/equality", response=EqualityFiguresOut)
@permission_required(Permission.VIEW_AGGREGATES)
def equality_figures(request, quarter: str | None = None):
    """The equality page's figures for a quarter (?quarter=2026-Q2; the last full quarter if not
    given): each figure by ethnic group and category, sex, age band and local authority, with per
    cents. For a role that may not see people, small numbers hidden ('*') as the rule says.
    Definitions: /figures/."""
    today = timezone.localdate()
    chosen = Quarter.parse(quarter, today) if quarter else Quarter.containing(today).previous()
    audience = audience_for(request)
    report = equality_report(people_for(request), request.service, chosen, today, audience.suppressed)
    breakdowns = []
    for table in report.tables:
        for breakdown in table.breakdowns:
            start, end = report.when(breakdown.figure)
            groups = [{"group": group, "count": c.count, "percent": c.percent} for group, c in breakdown.cells.items()]
            breakdowns.append(
                {"figure": breakdown.figure.name, "dimension": table.dimension, "start": start, "end": end,
                 "groups": groups, "total": breakdown.total}
            )  # fmt: skip
    return {
        "quarter": chosen.code,
        "on": report.as_at,
        "suppressed": report.suppressed,
        "suppression_rule": audience.rule if report.suppressed else None,
        "breakdowns": breakdowns,
    }
