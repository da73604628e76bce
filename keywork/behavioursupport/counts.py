"""Restrictive practices counted: how many times each was used, and for how many minutes in all.
The person's record counts their incidents; keywork.figures counts the service's with this same
arithmetic, and suppresses it where the counts leave the service."""

from dataclasses import dataclass

from django.db.models import Count, Sum

from keywork.behavioursupport.choices import Practice
from keywork.behavioursupport.models import RestrictivePractice


@dataclass(frozen=True)
class PracticeCount:
    practice: str
    label: str
    uses: int
    minutes: int


def practices_used(incidents) -> list[PracticeCount]:
    """Each restrictive practice, in the order Practice lists them, with its uses and total minutes
    across `incidents` (a queryset); a practice never used is counted as 0."""
    rows = (
        RestrictivePractice.objects.filter(incident__in=incidents)
        .values("practice")
        .annotate(uses=Count("id"), minutes=Sum("minutes"))
    )
    found = {row["practice"]: row for row in rows}
    return [
        PracticeCount(
            practice,
            label,
            found.get(practice, {}).get("uses", 0),
            found.get(practice, {}).get("minutes", 0) or 0,
        )
        for practice, label in Practice.choices
    ]


def incidents_with_a_practice(incidents) -> int:
    """Incidents in which any restrictive practice was used (each counted once)."""
    return incidents.filter(practices__isnull=False).distinct().count()
