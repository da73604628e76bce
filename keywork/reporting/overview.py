"""The register in numbers, for the home page: counts only, never a name (keywork/figures)."""

import datetime

from keywork.figures.register import register_by_rating_on, reviews_overdue
from keywork.suppression import suppress_counts


def overview(people, service, suppressed: bool, today: datetime.date) -> dict:
    counts = register_by_rating_on(people, today)
    if suppressed:
        table = suppress_counts(counts, service.suppression_threshold)
        return {"cells": table.cells, "total": table.total, "suppressed": table.any_suppressed, "overdue": None}
    overdue = reviews_overdue(people, today)
    return {"cells": counts, "total": sum(counts.values()), "suppressed": False, "overdue": overdue}
