"""Headcount, whole-time equivalent and vacancies on any date, and assurance about to lapse."""

import datetime
from collections import defaultdict
from decimal import Decimal

from keywork.programme.models import Assurance, Post, PostHolding

LAPSE_WARNING_DAYS = 60


def workforce_on(service, day: datetime.date) -> dict:
    """Headcount and WTE by role, and the posts nobody fills, on `day` (two queries)."""
    posts = list(Post.objects.filter(service=service))
    holdings = list(PostHolding.objects.on(day).filter(post__in=posts).select_related("post"))
    by_role: dict[str, dict] = defaultdict(lambda: {"headcount": 0, "wte": Decimal("0"), "people": set()})
    for holding in holdings:
        role = by_role[holding.post.role]
        role["people"].add(holding.worker_id or holding.worker_name)
        role["wte"] += holding.wte
    for role in by_role.values():
        role["headcount"] = len(role.pop("people"))
    filled = {holding.post_id for holding in holdings}
    return {
        "by_role": dict(sorted(by_role.items())),
        "headcount": len({h.worker_id or h.worker_name for h in holdings}),
        "wte": sum((h.wte for h in holdings), Decimal("0")),
        "vacancies": [post for post in posts if post.pk not in filled],
    }


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
