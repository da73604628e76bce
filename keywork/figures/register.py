"""Figures about the register and keywork, as they stood on a date: rebuilt from the rating history
rather than read from today's state, so a person red on the last day of a quarter and green today
counts as red for that quarter. Definitions in words: catalogue.py."""

import datetime
from collections.abc import Iterator

from keywork.accounts.models import WorkerType
from keywork.keyworking.models import Allocation
from keywork.register.choices import Rating, RatingCause, RegisterStatus
from keywork.register.models import Person, RatingChange
from keywork.register.withdrawal import with_withdrawal, without_withdrawn


def service_people(service):
    return Person.objects.filter(service=service)


def people_rows(people) -> list[dict]:
    fields = ("id", "referral_date", "status", "status_changed_on", "local_authority", "uncounted_from")
    return list(with_withdrawal(people).values(*fields))


def on_register(person_rows, day: datetime.date) -> list:
    """People on the register on `day`: referred by then, not yet removed or transferred, and not
    left out of the counts by a withdrawn consent under their service's policy (register/withdrawal.py)."""
    return [
        row
        for row in person_rows
        if row["referral_date"] <= day
        and (row["status"] == RegisterStatus.ACTIVE or not row["status_changed_on"] or row["status_changed_on"] > day)
        and not (row.get("uncounted_from") and row["uncounted_from"] <= day)
    ]


def ratings_through(people, days: list[datetime.date]) -> Iterator[dict[int, str]]:
    """Each person's rating on each of `days` (ascending): their latest rating change effective on
    or before it, in one pass over the history. As on the register (Person.refresh_rating): someone
    admitted stays blue until discharged, even if an older review is dated later.

    The database sorts the history; only the columns the loop needs are fetched (no timestamps to
    parse: this runs over the whole service's history)."""
    changes = list(
        RatingChange.objects.filter(person__in=people, effective_on__lte=max(days, default=datetime.date.min))
        .order_by("effective_on", "recorded_at", "id")
        .values_list("effective_on", "person_id", "rating", "cause")
    )
    latest: dict[int, str] = {}
    in_hospital: dict[int, bool] = {}
    position = 0
    for day in days:
        while position < len(changes) and changes[position][0] <= day:
            _, person_id, rating, cause = changes[position]
            latest[person_id] = rating
            if cause != RatingCause.REVIEW:
                in_hospital[person_id] = cause == RatingCause.ADMISSION
            position += 1
        yield {person_id: Rating.BLUE if in_hospital.get(person_id) else rating for person_id, rating in latest.items()}


def ratings_on(people, day: datetime.date) -> dict[int, str]:
    return next(ratings_through(people, [day]))


def register_by_rating(people, days: list[datetime.date]) -> list[dict[str, int]]:
    """On the register by rating, on each of `days` (ascending)."""
    rows = people_rows(people)
    series = []
    for day, ratings in zip(days, ratings_through(people, days), strict=True):
        counts = dict.fromkeys(Rating.values, 0)
        for row in on_register(rows, day):
            if row["id"] in ratings:
                counts[ratings[row["id"]]] += 1
        series.append(counts)
    return series


def register_by_rating_on(people, day: datetime.date) -> dict[str, int]:
    return register_by_rating(people, [day])[0]


def designated_keyworker_allocations(people, day: datetime.date):
    # The designated keyworker is the Practice Consultant (as for the allocation queue).
    return Allocation.objects.current(day).filter(person__in=people, worker_type=WorkerType.PRACTICE_CONSULTANT)


def keywork_allocations(people, day: datetime.date):
    """The designated keyworker allocations that count as receiving keywork: under either policy,
    someone who has withdrawn consent by `day` is not receiving it (register/withdrawal.py)."""
    return designated_keyworker_allocations(without_withdrawn(people, day), day)


def receiving_keywork(people, day: datetime.date) -> int:
    return keywork_allocations(people, day).values("person").distinct().count()


def overdue_for_review(people, day: datetime.date):
    return people.filter(status=RegisterStatus.ACTIVE, next_review_due__lt=day)


def reviews_overdue(people, day: datetime.date) -> int:
    return overdue_for_review(people, day).count()
