"""Assurance about to lapse, and the workers who may not be allocated for want of it."""

import datetime

from keywork.assurance.models import Assurance

LAPSE_WARNING_DAYS = 60


def lapsing(service, today: datetime.date, days: int = LAPSE_WARNING_DAYS):
    """Assurance that has lapsed or lapses within `days`, soonest first (the latest of each kind per worker)."""
    latest: dict[tuple, Assurance] = {}
    for item in Assurance.objects.filter(worker__service=service).select_related("worker").order_by("expires_on"):
        latest[(item.worker_id, item.kind)] = item
    horizon = today + datetime.timedelta(days=days)
    return sorted((item for item in latest.values() if item.expires_on <= horizon), key=lambda i: i.expires_on)


def workers_with_lapsed_registration(service, today: datetime.date) -> set[int]:
    return {
        item.worker_id
        for item in lapsing(service, today, days=0)
        if item.kind in Assurance.REGISTRATIONS and item.expires_on < today
    }
