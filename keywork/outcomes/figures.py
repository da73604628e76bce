"""System blockers as counts: by category, by agency and by month.

Only counts leave this module: no names, no descriptions. As published (for commissioners, or staff
asking to see them so: keywork/accounts/audience.py), counts from 1 to the service's threshold are
hidden (NHS statistical disclosure practice, keywork/suppression.py).
"""

import datetime
from collections import Counter

from keywork.outcomes.choices import BlockerCategory
from keywork.outcomes.models import SystemBlocker
from keywork.suppression import suppress_counts

MONTHS_SHOWN = 12


def first_month_shown(today: datetime.date) -> datetime.date:
    """
    >>> first_month_shown(datetime.date(2025, 3, 15))
    datetime.date(2024, 4, 1)
    """
    months = today.year * 12 + today.month - 1 - (MONTHS_SHOWN - 1)
    return datetime.date(months // 12, months % 12 + 1, 1)


def blocker_figures(service, today: datetime.date, suppressed: bool) -> dict:
    start = first_month_shown(today)
    raised = list(
        SystemBlocker.objects.filter(service=service, raised_on__gte=start, raised_on__lte=today).values_list(
            "category", "agency", "raised_on"
        )
    )
    by_category = dict.fromkeys(BlockerCategory.labels, 0) | Counter(
        BlockerCategory(category).label for category, _, _ in raised
    )
    # Agencies are typed in: the same agency written differently is counted once by its trimmed name.
    by_agency = Counter(agency.strip() for _, agency, _ in raised)
    months = [_add_months(start, n) for n in range(MONTHS_SHOWN)]
    by_month = dict.fromkeys((f"{month:%b %Y}" for month in months), 0) | Counter(
        f"{raised_on:%b %Y}" for _, _, raised_on in raised
    )
    threshold = service.suppression_threshold if suppressed else 0
    tables = {
        "category": suppress_counts(by_category, threshold),
        "agency": suppress_counts(dict(sorted(by_agency.items())), threshold),
        "month": suppress_counts(by_month, threshold),
    }
    return {
        "start": start,
        "end": today,
        "tables": tables,
        "any_suppressed": any(table.any_suppressed for table in tables.values()),
    }


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)
