"""A worker's (or a team's) work, most urgent first, in a fixed number of queries whatever the caseload."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from keywork.keyworking.models import Allocation, Escalation, FollowUp
from keywork.register.choices import RegisterStatus
from keywork.register.listing import urgency_order
from keywork.reviews.models import Action

WEEK = datetime.timedelta(days=7)


@dataclass
class Work:
    people: list
    reviews_due_this_week: list
    overdue_follow_ups: list
    escalations_awaiting_response: list
    overdue_actions: list
    today: datetime.date


def open_actions_count():
    """Open follow-ups from contacts and open actions from any source (C(E)TRs and others)."""
    return _count_per_person(FollowUp.objects.filter(done_on__isnull=True)) + _count_per_person(Action.objects.open())


def _count_per_person(rows):
    counted = rows.filter(person=OuterRef("pk")).order_by().values("person").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def allocated_people(people, worker=None):
    """People with a current allocation (to `worker`, if given), most urgent first:
    blue, red, amber, green; then an overdue review; then the most open actions."""
    allocations = Allocation.objects.current()
    if worker is not None:
        allocations = allocations.filter(worker=worker)
    today = timezone.localdate()
    return (
        people.filter(status=RegisterStatus.ACTIVE, pk__in=allocations.values("person_id"))
        .annotate(rating_urgency=urgency_order(), open_actions=open_actions_count())
        .annotate(review_overdue=Case(When(next_review_due__lt=today, then=1), default=0, output_field=IntegerField()))
        .order_by("rating_urgency", "-review_overdue", "-open_actions", "family_name")
    )


def work_for(people, worker=None, limit: int | None = None) -> Work:
    """`worker` None means the whole team's work. `people` is already scoped to the viewer."""
    today = timezone.localdate()
    mine = allocated_people(people, worker)
    listed = list(mine[:limit] if limit else mine)
    due_soon = mine.filter(next_review_due__range=(today, today + WEEK)).order_by("next_review_due")
    follow_ups = FollowUp.objects.filter(done_on__isnull=True, due_on__lt=today, person__in=people)
    if worker is not None:
        follow_ups = follow_ups.filter(Q(owner=worker) | Q(person__in=mine.values("pk")))
    escalations = Escalation.objects.awaiting_response().filter(person__in=mine.values("pk"))
    # A worker's own actions, and those about their people; the team's, those about its people or
    # owned by any of its staff (as for follow-ups, owning an action puts it on your list).
    actions = Action.objects.overdue(today).filter(person__in=people)
    owned = Q(owner_staff=worker) if worker is not None else Q(owner_staff__isnull=False)
    actions = actions.filter(owned | Q(person__in=mine.values("pk")))
    return Work(
        people=listed,
        reviews_due_this_week=list(due_soon[:50]),
        overdue_follow_ups=list(follow_ups.select_related("person", "owner").order_by("due_on")[:50]),
        escalations_awaiting_response=list(escalations.select_related("person").order_by("response_due_on")[:50]),
        overdue_actions=list(actions.for_lists()[:50]),
        today=today,
    )
