"""The register as it stood on a date, rebuilt from its history rather than read from today's state.

A person red on the last day of a quarter and green today counts as red for that quarter.
"""

import datetime

from keywork.register.choices import Rating, RatingCause, RegisterStatus
from keywork.register.models import Person, RatingChange


def on_register(person_rows, day: datetime.date) -> list:
    """People on the register on `day`: referred by then, and not yet removed or transferred."""
    return [
        row
        for row in person_rows
        if row["referral_date"] <= day
        and (row["status"] == RegisterStatus.ACTIVE or not row["status_changed_on"] or row["status_changed_on"] > day)
    ]


def people_rows(service):
    return list(
        Person.objects.filter(service=service).values(
            "id", "referral_date", "status", "status_changed_on", "local_authority"
        )
    )


def ratings_on(service, day: datetime.date) -> dict[int, str]:
    """Each person's rating on `day`: their latest rating change effective on or before it.

    The database sorts the history so the last row for a person is their latest; only the columns
    the loop needs are fetched (no timestamps to parse: this runs over the whole service's history).
    """
    latest: dict[int, str] = {}
    in_hospital: dict[int, bool] = {}
    changes = (
        RatingChange.objects.filter(person__service=service, effective_on__lte=day)
        .order_by("effective_on", "recorded_at", "id")
        .values_list("person_id", "rating", "cause")
    )
    for person_id, rating, cause in changes:
        latest[person_id] = rating
        if cause != RatingCause.REVIEW:
            in_hospital[person_id] = cause == RatingCause.ADMISSION
    # As on the register (Person.refresh_rating): someone admitted stays blue until discharged.
    return {person_id: Rating.BLUE if in_hospital.get(person_id) else rating for person_id, rating in latest.items()}
