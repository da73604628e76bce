"""The inpatient census through the API, as the census page shows it (keywork/figures/census.py)."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Router

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.figures.census import BOTH_BREAKDOWNS_RULE, monthly_census, suppress_for_publication
from keywork.schemas import Schema

router = Router(tags=["Inpatient care"])


class CensusMonthOut(Schema):
    month: datetime.date
    day: datetime.date
    count: int | str
    by_local_authority: dict[str, int | str]
    by_legal_status: dict[str, int | str]
    average_days_in_hospital: float | None
    target: int
    suppression_rule: str | None = None


@router.get("/census", response=list[CensusMonthOut])
@permission_required(Permission.VIEW_AGGREGATES)
def census(request, start: datetime.date, end: datetime.date | None = None):
    """Month by month from `start` to `end` (default today): in hospital on each month's last day, by
    local authority and detained or informal, and the average days in hospital so far of those
    counted. For a role that may not see people (commissioners), or with `counts=published`, small
    numbers are hidden ('*'), the average left out (null) and the rule given in `suppression_rule`.
    Definitions: /figures/."""
    today, audience = timezone.localdate(), audience_for(request)
    if end and end < start:
        raise ValidationError({"end": "The end must be on or after the start"})
    months = monthly_census(request.service, start, end or today, today)
    if audience.suppressed:
        for month in months:
            suppress_for_publication(month, audience.threshold)
            month.count = month.shown_count
    rule = f"{audience.rule} {BOTH_BREAKDOWNS_RULE}" if audience.suppressed else None
    return [{**vars(month), "suppression_rule": rule} for month in months]
