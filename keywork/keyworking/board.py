"""The team manager's allocation board: who is waiting, and how full each worker's caseload is."""

from django.db.models import Count
from django.utils import timezone

from keywork.accounts.models import Role, User
from keywork.assurance.rules import workers_with_lapsed_registration
from keywork.keyworking.models import Allocation
from keywork.keyworking.queues import awaiting_allocation
from keywork.register.access import people_for
from keywork.register.choices import Rating


def caseloads(service) -> list[dict]:
    """Each keyworker's current caseload by rating, with a warning over the service's limit."""
    counts = (
        Allocation.objects.current()
        .filter(person__service=service)
        .values("worker_id", "person__rating")
        .annotate(n=Count("person", distinct=True))
    )
    by_worker: dict[int, dict[str, int]] = {}
    for row in counts:
        by_worker.setdefault(row["worker_id"], {})[row["person__rating"] or ""] = row["n"]
    workers = User.objects.filter(service=service, role=Role.KEYWORKER, is_active=True).order_by(
        "worker_type", "last_name"
    )
    lapsed = workers_with_lapsed_registration(service, timezone.localdate())
    rows = []
    for worker in workers:
        ratings = by_worker.get(worker.pk, {})
        total = sum(ratings.values())
        rows.append(
            {
                "worker": worker,
                "by_rating": [ratings.get(rating, 0) for rating in Rating.values],
                "total": total,
                "over_limit": total > service.caseload_limit,
                # A worker whose professional registration has lapsed should not hold cases unreviewed.
                "registration_lapsed": worker.pk in lapsed,
            }
        )
    return rows


def allocation_board(request) -> dict:
    return {
        "waiting": awaiting_allocation(people_for(request)),
        "caseloads": caseloads(request.service),
        "ratings": Rating,
        "limit": request.service.caseload_limit,
    }
