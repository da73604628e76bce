"""Figures through the API, as the pages show them (keywork/figures): the register's, as on the home
page, and hospital use, as on the hospital use page and in the quarterly return."""

import datetime

from django.utils import timezone
from ninja import Router, Schema
from pydantic import Field

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.dbrouter import reporting_reads
from keywork.figures import hospital
from keywork.figures.register import service_people
from keywork.register.access import people_for
from keywork.reporting.overview import overview
from keywork.reporting.quarterly import quarter_hospital_use
from keywork.reporting.quarters import Quarter

router = Router(tags=["Figures"])


class RegisterFiguresOut(Schema):
    on: datetime.date
    by_rating: dict[str, int | str]
    total: int | str
    reviews_overdue: int | None
    suppressed: bool
    suppression_rule: str | None = Field(
        None, description="The rule small numbers were hidden by ('*'), when the figures are as published"
    )


@router.get("/register", response=RegisterFiguresOut)
@permission_required(Permission.VIEW_AGGREGATES)
def register_figures(request, counts: str | None = None):
    """On the register by rating today, and reviews overdue, as on the home page. As published, for a
    role that may not see people (commissioners) or with `counts=published`: small numbers hidden
    ('*'), the rule that hid them, and reviews overdue left out (null). Definitions: /figures/."""
    today = timezone.localdate()
    audience = audience_for(request)
    figures = overview(people_for(request), request.service, audience.suppressed, today)
    return {
        "on": today,
        "by_rating": figures["cells"],
        "total": figures["total"],
        "reviews_overdue": figures["overdue"],
        "suppressed": figures["suppressed"],
        "suppression_rule": audience.rule if audience.suppressed else None,
    }


class HospitalFiguresOut(Schema):
    quarter: str = Field(description="The quarter, as 2025-Q3 (financial year 2025/26, October to December)")
    start: datetime.date
    end: datetime.date = Field(description="The quarter's last day, or today if it has not ended")
    bed_days: int | str
    people_in_hospital: int | str = Field(description="People with at least one night in hospital in the quarter")
    discharges: int | str = Field(description="Stays ended in the quarter")
    average_stay: float | str | None = Field(
        description="Mean bed days of the stays ended in the quarter, to one decimal; null when none ended"
    )
    suppressed: bool
    suppression_rule: str | None = Field(
        None, description="The rule small numbers were hidden by ('*'), when the figures are as published"
    )


@router.get("/hospital", response=HospitalFiguresOut)
@permission_required(Permission.VIEW_AGGREGATES)
def hospital_figures(request, quarter: str | None = None, counts: str | None = None):
    """Bed days in a quarter (default: the last one ended) and the average length of stay of the stays
    ending in it, as on the hospital use page and in the quarterly return. As published, for a role
    that may not see people (commissioners) or with `counts=published`: a figure about 1 to the
    threshold people is hidden ('*'), bed days with the people in hospital, the average stay with the
    discharges it is taken over. Definitions: /figures/."""
    today, audience = timezone.localdate(), audience_for(request)
    chosen = Quarter.parse(quarter, today) if quarter else Quarter.containing(today).previous()
    with reporting_reads():
        # Service-wide, as the hospital use page: an aggregate, not a list of the caller's people.
        use = quarter_hospital_use(service_people(request.service), chosen, today)
    if audience.suppressed:
        use = hospital.published_use(use, audience.threshold)
    return {
        "quarter": chosen.code,
        "start": use.period.start,
        "end": use.period.end,
        "bed_days": use.bed_days,
        "people_in_hospital": use.people_in_hospital,
        "discharges": use.discharges,
        "average_stay": use.average_stay,
        "suppressed": audience.suppressed,
        "suppression_rule": audience.rule if audience.suppressed else None,
    }
