"""Figures counted over a period (flows): each is a kind of event and the date it happened on, so a
period's count and a month-by-month series come from the same definition. In words: catalogue.py."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import TruncMonth

from keywork.accounts.models import WorkerType
from keywork.inpatient.models import Admission
from keywork.keyworking.choices import ReferralDecision
from keywork.keyworking.models import Allocation, Referral


@dataclass(frozen=True)
class Flow:
    model: type
    date_field: str
    conditions: tuple = ()

    def events(self, people):
        return self.model.objects.filter(person__in=people, **dict(self.conditions))

    def between(self, people, start: datetime.date, end: datetime.date):
        """The events from `start` to `end`, both included."""
        return self.events(people).filter(**{f"{self.date_field}__range": (start, end)})

    def count(self, people, start: datetime.date, end: datetime.date) -> int:
        return self.between(people, start, end).count()

    def by_local_authority(self, people, start: datetime.date, end: datetime.date, areas) -> dict[str, int]:
        counted = dict(self.between(people, start, end).values_list("person__local_authority").annotate(n=Count("id")))
        return {area: counted.get(area, 0) for area in areas}

    def monthly(self, people, months: list[datetime.date]) -> list[int]:
        """One count per month of `months` (each the first of its month), in one query."""
        counted = (
            self.events(people).annotate(month=TruncMonth(self.date_field)).values("month").annotate(n=Count("id"))
        )
        by_month = {_as_date(row["month"]): row["n"] for row in counted}
        return [by_month.get(month, 0) for month in months]


def _as_date(month) -> datetime.date:
    return month.date() if isinstance(month, datetime.datetime) else month


REFERRED = Flow(Referral, "received_on")
ACCEPTED = Flow(Referral, "decided_on", (("decision", ReferralDecision.ACCEPTED),))
DECLINED = Flow(Referral, "decided_on", (("decision", ReferralDecision.DECLINED),))
# Allocated: a designated keyworker (the Practice Consultant) starting with the person.
ALLOCATED = Flow(Allocation, "starts_on", (("worker_type", WorkerType.PRACTICE_CONSULTANT),))
ADMITTED = Flow(Admission, "admitted_on")
DISCHARGED = Flow(Admission, "discharged_on")
