"""The register in numbers, for the home page: counts only, never a name."""

from django.db.models import Count
from django.utils import timezone

from keywork.register.choices import Rating, RegisterStatus
from keywork.suppression import suppress_counts


def rating_counts(people) -> dict[str, int]:
    counts = dict.fromkeys(Rating.values, 0)
    rows = people.filter(status=RegisterStatus.ACTIVE).values_list("rating").annotate(n=Count("id"))
    for rating, count in rows:
        if rating in counts:
            counts[rating] = count
    return counts


def overview(people, service, suppressed: bool) -> dict:
    counts = rating_counts(people)
    overdue = people.filter(status=RegisterStatus.ACTIVE, next_review_due__lt=timezone.localdate()).count()
    if suppressed:
        table = suppress_counts(counts, service.suppression_threshold)
        return {"cells": table.cells, "total": table.total, "suppressed": table.any_suppressed, "overdue": None}
    return {"cells": counts, "total": sum(counts.values()), "suppressed": False, "overdue": overdue}
