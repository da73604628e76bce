"""The team manager's allocation board, and the allocation form's candidates: who is waiting, how
full each worker's caseload is, whose registration, DBS check or training has lapsed, and whose
supervision is overdue."""

from collections import Counter

from django.utils import timezone

from keywork.accounts.models import Role, User, WorkerType
from keywork.accounts.permissions import Permission, has_permission
from keywork.keyworking.models import Allocation
from keywork.keyworking.models.allocations import assurance_of
from keywork.keyworking.queues import awaiting_allocation
from keywork.keyworking.weighting import caseload_of, weights_in_words
from keywork.register.access import paged, people_for, query_without_page
from keywork.register.choices import Rating
from keywork.supervision.rules import supervision_overdue


def caseloads(service) -> list[dict]:
    """Each keyworker's current caseload by rating, in people and weighted (keyworking/weighting.py),
    against the service's limits, and their registration, DBS check and training that has lapsed or
    lapses soon."""
    held = (
        Allocation.objects.current()
        .filter(person__service=service)
        .values_list("worker_id", "person_id", "person__rating", "is_complex")
    )
    by_worker: dict[int, dict[int, tuple[str, bool]]] = {}
    for worker_id, person_id, rating, is_complex in held:
        by_worker.setdefault(worker_id, {})[person_id] = (rating or "", is_complex)
    # Practice Consultants (the designated keyworkers) first, then the team in the order it is listed.
    rank = {worker_type: index for index, worker_type in enumerate(WorkerType.values)}
    workers = sorted(
        User.objects.filter(service=service, role=Role.KEYWORKER, is_active=True),
        key=lambda w: (rank.get(w.worker_type, len(rank)), w.last_name, w.first_name),
    )
    today = timezone.localdate()
    assurance = assurance_of(service, today)
    overdue = supervision_overdue(service, today)
    rows = []
    for worker in workers:
        people = by_worker.get(worker.pk, {})
        ratings = Counter(rating for rating, _ in people.values())
        caseload = caseload_of(service, people.values())
        items = assurance.get(worker.pk, [])
        rows.append(
            {
                "worker": worker,
                "by_rating": [ratings.get(rating, 0) for rating in Rating.values],
                "total": caseload.people,
                "weighted": caseload.weighted,
                "complex": sum(is_complex for _, is_complex in people.values()),
                "over_limit": caseload.is_over_limit(service),
                "lapsed": [item for item in items if item.expires_on < today],
                "expiring": [item for item in items if item.expires_on >= today],
                # A warning, not a bar: supervision is the manager's to arrange.
                "supervision_due": overdue[worker.pk].next_due_on if worker.pk in overdue else None,
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
        "weighted_limit": request.service.weighted_caseload_limit,
        "weights": weights_in_words(request.service),
        "may_set_weights": has_permission(request.user, Permission.MANAGE_PROGRAMME),
    }
