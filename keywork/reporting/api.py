"""The register's figures through the API, as the home page shows them (keywork/figures)."""

import datetime

from django.utils import timezone
from ninja import Router, Schema

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.register.access import people_for
from keywork.reporting.overview import overview

router = Router(tags=["Figures"])


class RegisterFiguresOut(Schema):
    on: datetime.date
    by_rating: dict[str, int | str]
    total: int | str
    reviews_overdue: int | None
    suppressed: bool


@router.get("/register", response=RegisterFiguresOut)
@permission_required(Permission.VIEW_AGGREGATES)
def register_figures(request):
    """On the register by rating today, and reviews overdue, as on the home page: for a role that may
    not see people (commissioners), small numbers hidden ('*') and reviews overdue left out (null).
    Definitions: /figures/."""
    today = timezone.localdate()
    suppressed = not has_permission(request.user, Permission.VIEW_PEOPLE)
    figures = overview(people_for(request), request.service, suppressed, today)
    return {
        "on": today,
        "by_rating": figures["cells"],
        "total": figures["total"],
        "reviews_overdue": figures["overdue"],
        "suppressed": figures["suppressed"],
    }
