"""Headcount, whole-time equivalent and vacancies on any date."""

import datetime
from collections import defaultdict
from decimal import Decimal

from keywork.programme.models import Post, PostHolding


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
