"""The activity report: signposting in a period by type of worker and by provider (the employer of
the post the worker held that day), each by outcome, so the lead can monitor a partner's contract.
Counts are suppressed for those who see no records (accounts.audience), by the one rule."""

import datetime
from dataclasses import dataclass

from keywork.programme.models import PostHolding
from keywork.signposting import rules
from keywork.signposting.choices import Outcome
from keywork.signposting.models import Signposting
from keywork.suppression import suppress_count, suppress_table


@dataclass(frozen=True)
class Activity:
    start: datetime.date
    end: datetime.date
    by_worker_type: dict  # suppress_table's shape: type of worker × outcome
    by_provider: dict  # provider × outcome
    people: int | str  # people signposted in the period (each counted once)


def _tally(table: dict, row: str, outcome_label: str) -> None:
    table.setdefault(row, dict.fromkeys(Outcome.labels, 0))[outcome_label] += 1


def activity(service, start: datetime.date, end: datetime.date, threshold: int = 0) -> Activity:
    """Signposting from `start` to `end` (both included); `threshold` 0 gives the true counts."""
    signpostings = list(
        Signposting.objects.filter(person__service=service, signposted_on__gte=start, signposted_on__lte=end)
    )
    workers = {s.recorded_by_id for s in signpostings}
    holdings: dict[int, list] = {}
    for holding in PostHolding.objects.filter(post__service=service, worker_id__in=workers).select_related("post"):
        holdings.setdefault(holding.worker_id, []).append(holding)
    by_worker_type, by_provider = {}, {}
    for signposting in signpostings:
        outcome = signposting.get_outcome_display()
        _tally(by_worker_type, signposting.recorded_as or "Not recorded", outcome)
        provider = rules.employer_on(holdings.get(signposting.recorded_by_id, []), signposting.signposted_on)
        _tally(by_provider, provider, outcome)
    return Activity(
        start=start,
        end=end,
        by_worker_type=suppress_table(dict(sorted(by_worker_type.items())), threshold),
        by_provider=suppress_table(dict(sorted(by_provider.items())), threshold),
        people=suppress_count(len({s.person_id for s in signpostings}), threshold),
    )
