"""The team manager's allocation board, and the allocation form's candidates: who is waiting, how
full each worker's caseload is, and whose registration, DBS check or training has lapsed."""

from django.db.models import Count
from django.utils import timezone

from keywork.accounts.models import Role, User, WorkerType
from keywork.keyworking.models import Allocation
from keywork.keyworking.models.allocations import assurance_of
from keywork.keyworking.queues import awaiting_allocation
from keywork.register.access import paged, people_for, query_without_page
from keywork.register.choices import Rating


def caseloads(service) -> list[dict]:
    """Each keyworker's current caseload by rating against the service's limit, and their
    registration, DBS check and training that has lapsed or lapses soon."""
    counts = (
        Allocation.objects.current()
        .filter(person__service=service)
        .values("worker_id", "person__rating")
        .annotate(n=Count("person", distinct=True))
    )
    by_worker: dict[int, dict[str, int]] = {}
    for row in counts:
        by_worker.setdefault(row["worker_id"], {})[row["person__rating"] or ""] = row["n"]
    # Practice Consultants (the designated keyworkers) first, then the team in the order it is listed.
    rank = {worker_type: index for index, worker_type in enumerate(WorkerType.values)}
    workers = sorted(
        User.objects.filter(service=service, role=Role.KEYWORKER, is_active=True),
        key=lambda w: (rank.get(w.worker_type, len(rank)), w.last_name, w.first_name),
    )
    today = timezone.localdate()
    assurance = assurance_of(service, today)
    rows = []
    for worker in workers:
        ratings = by_worker.get(worker.pk, {})
        total = sum(ratings.values())
        items = assurance.get(worker.pk, [])
        rows.append(
            {
                "worker": worker,
                "by_rating": [ratings.get(rating, 0) for rating in Rating.values],
                "total": total,
                "over_limit": total > service.caseload_limit,
                "lapsed": [item for item in items if item.expires_on < today],
                "expiring": [item for item in items if item.expires_on >= today],
            }
        )
    return rows


def allocation_board(request) -> dict:
    return {
        "waiting": paged(request, awaiting_allocation(people_for(request)), what="waiting for a keyworker"),
        "query": query_without_page(request),
        "caseloads": caseloads(request.service),
        "ratings": Rating,
        "limit": request.service.caseload_limit,
    }
