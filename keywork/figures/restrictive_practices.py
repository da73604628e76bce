"""Restrictive practices used with the service's people ('Positive and proactive care', Department
of Health 2014: every use is recorded and reported): how many times each was used in a period, and
how many people it was used with. The arithmetic is behavioursupport.counts', the same the person's
record shows; definition in words: catalogue.py. As published (commissioners, regional viewers, or
staff asking to see them so) small counts are hidden by keywork/suppression.py."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from keywork.behavioursupport.counts import practices_used
from keywork.behavioursupport.models import Incident, RestrictivePractice
from keywork.suppression import SUPPRESSED, SuppressedCounts, suppress_count, suppress_counts


def year_to(today: datetime.date) -> datetime.date:
    """The first day of the year (365 days) ending `today`.

    >>> year_to(datetime.date(2026, 12, 2))
    datetime.date(2025, 12, 3)
    """
    return today - datetime.timedelta(days=364)


def incidents_between(people, start: datetime.date, end: datetime.date):
    """Incidents of `people` on a day from `start` to `end`, both included (local days)."""
    first = timezone.make_aware(datetime.datetime.combine(start, datetime.time()))
    after = timezone.make_aware(datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time()))
    return Incident.objects.filter(person__in=people, occurred_at__gte=first, occurred_at__lt=after)


def uses_by_practice(people, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Times each restrictive practice was used in incidents from `start` to `end`."""
    return {count.label: count.uses for count in practices_used(incidents_between(people, start, end))}


def people_by_practice(people, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """How many people each restrictive practice was used with from `start` to `end`, each once."""
    practices = RestrictivePractice.objects.filter(incident__in=incidents_between(people, start, end))
    counted = dict(
        practices.values("practice")
        .annotate(people=Count("incident__person", distinct=True))
        .values_list("practice", "people")
    )
    labels = {count.practice: count.label for count in practices_used(Incident.objects.none())}
    return {label: counted.get(practice, 0) for practice, label in labels.items()}


def people_with_any(people, start: datetime.date, end: datetime.date) -> int:
    """People with whom any restrictive practice was used from `start` to `end`, each once."""
    practices = RestrictivePractice.objects.filter(incident__in=incidents_between(people, start, end))
    return practices.values("incident__person").distinct().count()


@dataclass(frozen=True)
class RestrictivePracticeFigures:
    start: datetime.date
    end: datetime.date
    uses: SuppressedCounts
    people: SuppressedCounts
    people_with_any: int | str

    @property
    def any_suppressed(self) -> bool:
        return self.uses.any_suppressed or self.people.any_suppressed or self.people_with_any == SUPPRESSED


def restrictive_practice_figures(people, start: datetime.date, end: datetime.date, threshold: int):
    """Both counts for the period, suppressed at `threshold` (0: true counts)."""
    return RestrictivePracticeFigures(
        start,
        end,
        suppress_counts(uses_by_practice(people, start, end), threshold),
        suppress_counts(people_by_practice(people, start, end), threshold),
        suppress_count(people_with_any(people, start, end), threshold),
    )
