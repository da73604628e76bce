"""What Keywork is compared with on the same data: the Django admin's changelist (what a Django
team gets for free) and pandas over CSV exports (the spreadsheet-era status quo)."""

import csv
import datetime
import tempfile
from pathlib import Path

from django.urls import reverse

from keywork.benchmark.measure import time_it
from keywork.register.models import Person, RatingChange


def admin_changelist_address() -> str | None:
    """The people changelist with the register page's filter, when the admin is mounted for the benchmark."""
    try:
        return reverse("bench-admin:register_person_changelist") + "?rating__exact=red&o=2.1"
    except Exception:  # noqa: BLE001 - the admin is only mounted when KEYWORK_BENCH_ADMIN=true
        return None


def _export(path: Path, queryset, fields: list[str]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(fields)
        writer.writerows(queryset.values_list(*fields).iterator(chunk_size=5000))


def pandas_headline_ms(service, day: datetime.date, repeat: int) -> float | None:
    """pandas computing the return's headline — people on the register at the quarter's end by
    rating and local authority — from CSV exports of the people and rating-change tables."""
    try:
        import pandas as pd
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as folder:
        people_csv, changes_csv = Path(folder) / "people.csv", Path(folder) / "changes.csv"
        _export(
            people_csv,
            Person.objects.filter(service=service),
            ["id", "referral_date", "status", "status_changed_on", "local_authority"],
        )
        _export(
            changes_csv,
            RatingChange.objects.filter(person__service=service),
            ["person_id", "effective_on", "recorded_at", "id", "rating"],
        )
        end = pd.Timestamp(day)

        def headline():
            people = pd.read_csv(people_csv, parse_dates=["referral_date", "status_changed_on"])
            changes = pd.read_csv(changes_csv, parse_dates=["effective_on"])
            on_register = people[
                (people.referral_date <= end) & ((people.status == "active") | (people.status_changed_on > end))
            ]
            latest = (
                changes[changes.effective_on <= end]
                .sort_values(["effective_on", "recorded_at", "id"])
                .groupby("person_id")
                .tail(1)
            )
            merged = on_register.merge(latest, left_on="id", right_on="person_id")
            return merged.groupby(["rating", "local_authority"]).size()

        return time_it(headline, repeat)
