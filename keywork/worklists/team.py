"""The counts at the top of a manager's home: what is waiting on the team today."""

from dataclasses import dataclass

from django.urls import reverse

from keywork.figures.inpatients import in_hospital, without_a_keyworker
from keywork.figures.register import reviews_overdue
from keywork.inpatient.schedule import without_keyworker_url
from keywork.keyworking.queues import awaiting_allocation, awaiting_decision


@dataclass(frozen=True)
class TeamCount:
    label: str
    count: int
    href: str


def team_counts(people, today) -> list[TeamCount]:
    """One COUNT query each, over the people the manager may reach."""
    referrals, inpatient_list = reverse("keyworking:referrals"), reverse("inpatient:list")
    return [
        # The decision queue opens the referrals page; the allocation queue is below it (its heading's id).
        TeamCount("Referrals to decide", awaiting_decision(people).count(), referrals),
        TeamCount("Referrals to allocate", awaiting_allocation(people).count(), referrals + "#allocation"),
        TeamCount(
            "Overdue reviews",
            reviews_overdue(people, today),
            reverse("register:list") + "?overdue=on",
        ),
        TeamCount("Inpatients", in_hospital(people, today), inpatient_list),
        TeamCount("Inpatients without a keyworker", without_a_keyworker(people, today), without_keyworker_url()),
    ]
