"""Rules of keyworking, named for what they decide."""

import datetime

from django.db.models import Min


def keywork_started_on(person) -> datetime.date | None:
    """When keywork began for the person: their earliest current allocation's start, or else
    the date their first referral was accepted (the marker on the behaviour charts)."""
    first_current = person.allocations.current().aggregate(first=Min("starts_on"))["first"]
    if first_current:
        return first_current
    return person.referrals.filter(decision="accepted").aggregate(first=Min("decided_on"))["first"]
