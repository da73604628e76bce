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
    """Each person's rating on `day`: their latest rating change effective on or before it."""
    latest: dict[int, tuple] = {}
    hospital: dict[int, tuple] = {}
    changes = RatingChange.objects.filter(person__service=service, effective_on__lte=day).values_list(
        "person_id", "effective_on", "recorded_at", "id", "rating", "cause"
    )
    for person_id, effective_on, recorded_at, change_id, rating, cause in changes:
        key = (effective_on, recorded_at, change_id)
        if person_id not in latest or key > latest[person_id][0]:
            latest[person_id] = (key, rating)
        if cause != RatingCause.REVIEW and (person_id not in hospital or key > hospital[person_id][0]):
            hospital[person_id] = (key, cause)
    # As on the register (Person.refresh_rating): someone admitted stays blue until discharged.
    return {
        person_id: Rating.BLUE if hospital.get(person_id, (None, None))[1] == RatingCause.ADMISSION else rating
        for person_id, (_, rating) in latest.items()
    }
