"""The counts at the top of a manager's home: what is waiting on the team today."""

from dataclasses import dataclass

from django.urls import reverse

from keywork.accounts.models import WorkerType
from keywork.inpatient.models import Admission
from keywork.keyworking.models import Allocation
from keywork.keyworking.queues import awaiting_allocation, awaiting_decision
from keywork.register.choices import RegisterStatus


@dataclass(frozen=True)
class TeamCount:
    label: str
    count: int
    href: str


def team_counts(people, today) -> list[TeamCount]:
    """One COUNT query each, over the people the manager may reach."""
    inpatients = Admission.objects.in_hospital_on(today).filter(person__in=people)
    # A designated keyworker is the Practice Consultant (as for the allocation queue).
    keyworkers = Allocation.objects.current(today).filter(worker_type=WorkerType.PRACTICE_CONSULTANT)
    referrals, inpatient_list = reverse("keyworking:referrals"), reverse("inpatient:list")
    return [
        # The decision queue opens the referrals page; the allocation queue is below it (its heading's id).
        TeamCount("Referrals to decide", awaiting_decision(people).count(), referrals),
        TeamCount("Referrals to allocate", awaiting_allocation(people).count(), referrals + "#allocation"),
        TeamCount(
            "Overdue reviews",
            people.filter(status=RegisterStatus.ACTIVE, next_review_due__lt=today).count(),
            reverse("register:list") + "?overdue=on",
        ),
        TeamCount("Inpatients", inpatients.values("person").distinct().count(), inpatient_list),
        TeamCount(
            "Inpatients without a keyworker",
            inpatients.exclude(person__in=keyworkers.values("person_id")).values("person").distinct().count(),
            inpatient_list,
        ),
    ]
