"""The referral queues a manager works through: waiting for a decision, then for a keyworker.

Both take the people the request may reach (`register.access.people_for`), so a queue never
shows another service's referral, and list the oldest first: the longest wait is the next to act
on. Each row's `days_waiting` and `decision_overdue` come from the Referral; `.count()` on either
queue is one COUNT query, for the counts on the manager's home.
"""

from keywork.accounts.models import WorkerType
from keywork.keyworking.choices import ReferralDecision
from keywork.keyworking.models import Allocation, Referral


def awaiting_decision(people):
    """Referrals received and not yet accepted, declined or signposted, oldest first."""
    return (
        Referral.objects.filter(person__in=people, decision=ReferralDecision.PENDING)
        .select_related("person__service")
        .order_by("received_on", "id")
    )


def awaiting_allocation(people):
    """Accepted, open referrals whose person has no designated keyworker yet, oldest first."""
    with_keyworker = Allocation.objects.current().filter(worker_type=WorkerType.PRACTICE_CONSULTANT)
    return (
        Referral.objects.filter(person__in=people, decision=ReferralDecision.ACCEPTED, closed_on__isnull=True)
        .exclude(person__in=with_keyworker.values("person_id"))
        .select_related("person__service")
        .order_by("received_on", "id")
    )
