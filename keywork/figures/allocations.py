"""Figures about designated keyworker allocations (the Practice Consultant, flows.ALLOCATED): who
started keywork in a period, and how long they waited for it after being referred. Definitions in
words: catalogue.py."""

import datetime
import statistics
from dataclasses import dataclass

from django.db.models import Min

from keywork.figures.flows import ALLOCATED
from keywork.keyworking.choices import ReferralDecision
from keywork.keyworking.models import Referral


def first_allocations(people, start: datetime.date, end: datetime.date) -> dict[int, datetime.date]:
    """person → the day their first ever designated keyworker allocation started, for those whose
    first started from `start` to `end`: a change of keyworker, or a return after keywork ended, is
    not a start."""
    firsts = ALLOCATED.events(people).order_by().values("person_id").annotate(first=Min("starts_on"))
    return dict(firsts.filter(first__range=(start, end)).values_list("person_id", "first"))


def new_to_keywork(people, start: datetime.date, end: datetime.date) -> int:
    return len(first_allocations(people, start, end))


@dataclass(frozen=True)
class DaysToAllocation:
    waits: list[int]  # days from referral to allocation, one per allocation counted
    unreferred: int  # first allocations in the period that followed no accepted referral

    @property
    def allocations(self) -> int:
        return len(self.waits)

    @property
    def median(self) -> float | None:
        """The middle wait, or the mean of the middle two, to one decimal; None when none.

        >>> DaysToAllocation([9, 2, 30], 0).median, DaysToAllocation([2, 9, 10, 30], 0).median
        (9, 9.5)
        """
        return round(statistics.median(self.waits), 1) if self.waits else None


def days_to_allocation(people, start: datetime.date, end: datetime.date) -> DaysToAllocation:
    """For each accepted referral, the days from its receipt to the first designated keyworker
    allocation starting on or after it (and by its closing, if keywork under it closed), counted
    when that allocation started from `start` to `end`. A referral received while the person already
    had a designated keyworker waited for nothing, so is left out; when several referrals precede
    the same allocation, the wait runs from the earliest."""
    allocations: dict[int, list] = {}
    for person_id, starts, ends in (
        ALLOCATED.events(people)
        .filter(starts_on__lte=end)
        .order_by("starts_on")
        .values_list("person_id", "starts_on", "ends_on")
    ):
        allocations.setdefault(person_id, []).append((starts, ends))
    referrals = (
        Referral.objects.filter(person__in=people, decision=ReferralDecision.ACCEPTED, received_on__lte=end)
        .order_by("received_on")
        .values_list("person_id", "received_on", "closed_on")
    )
    waited: dict[tuple[int, datetime.date], int] = {}
    for person_id, received_on, closed_on in referrals:
        own = allocations.get(person_id, [])
        if any(starts < received_on and (ends is None or ends >= received_on) for starts, ends in own):
            continue
        following = [starts for starts, _ in own if starts >= received_on and (not closed_on or starts <= closed_on)]
        if following and start <= following[0] and (person_id, following[0]) not in waited:
            waited[(person_id, following[0])] = (following[0] - received_on).days
    firsts = first_allocations(people, start, end).items()
    unreferred = sum(1 for first in firsts if first not in waited)
    return DaysToAllocation(waits=list(waited.values()), unreferred=unreferred)
