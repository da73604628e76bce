"""Optimistic locking, shared by every app that saves a versioned record and by the pages and API
that tell the user: the save is refused when someone else saved the record after it was read.

A versioned record counts its saves in `version`. Whoever edits it says which version they read (a
hidden field on the page, `version` in an API body); the save goes through only if that is still
the record's version, so a later save never silently overwrites an earlier one. The page form's
half is keywork.forms.versioned; the API answers 409 with `StaleRecordError.as_json()`.
"""

from typing import Annotated

from django.db import models, transaction
from django.db.models import F
from pydantic import Field

from keywork.schemas import Schema

# What an API client sends with a change: the version it read. The bound is the column's, so no
# number too large for the database reaches a query.
VersionRead = Annotated[
    int,
    Field(
        ge=0,
        le=2_147_483_647,
        description="The version you read (every GET gives it). If someone has saved since, the change is "
        "refused with 409, naming the version now and the record's values now.",
    ),
]


class StaleRecordError(Exception):
    """Someone else saved the record after this user opened it. `current` is the record as it is
    now (None when only a message is known)."""

    def __init__(self, message: str, current=None):
        super().__init__(message)
        self.current = current

    def as_json(self) -> dict:
        """The API's 409: what happened, the version to send next, and the record's values now."""
        body = {"detail": str(self), "errors": {"version": [str(self)]}}
        if self.current is not None:
            body["version"] = self.current.version
            body["current"] = {field.name: _json_value(field, self.current) for field in shown_fields(self.current)}
        return body


def _json_value(field: models.Field, record):
    """A stored file (an uploaded report) is named by its stored name, which JSON can carry."""
    value = field.value_from_object(record)
    return value.name if isinstance(field, models.FileField) else value


class StaleRecordOut(Schema):
    """A change refused with 409: someone saved the record after the version the client read."""

    detail: str
    errors: dict[str, list[str]]
    version: int | None = Field(None, description="The record's version now: send it with the change")
    current: dict | None = Field(None, description="The record's values now, to check the change against")


def shown_fields(record) -> list[models.Field]:
    """The fields a user edits and reads back, named in a stale-save answer (not keys or counters)."""
    return [
        field
        for field in record._meta.concrete_fields
        if field.editable and not field.primary_key and not field.is_relation and field.name != "version"
    ]


# Why the subject access pack leaves a record's version out (each app's person_record declares it).
VERSION_LEFT_OUT = "a counter that stops two people saving over each other's changes"


class VersionedModel(models.Model):
    """A record saved through `save_if_unchanged_since`, so two people editing it at once cannot
    overwrite each other's changes."""

    version = models.PositiveIntegerField(default=1)

    class Meta:
        abstract = True

    def save_if_unchanged_since(self, version: int, fields: list[str] | None = None) -> None:
        """Save `fields` (every field when None) only if nobody has saved since `version` was read;
        else StaleRecordError. A new record is simply saved: nobody else can have changed it."""
        if self.pk is None:
            self.save()
            return
        model = type(self)
        with transaction.atomic():
            # The conditional update claims the version in one statement, so of two saves from the
            # same version exactly one wins, on SQLite and PostgreSQL alike.
            claimed = model._base_manager.filter(pk=self.pk, version=version).update(version=F("version") + 1)
            if not claimed:
                current = model._base_manager.filter(pk=self.pk).first()
                now = f": it is now version {current.version}" if current else ""
                raise StaleRecordError(
                    f"Someone else changed this record after you read version {version}{now}. "
                    "Nothing was saved: read it again and send your changes with its version now",
                    current=current,
                )
            self.version = version + 1
            if fields is None:
                self.save()
            else:
                stamped = [field.name for field in model._meta.concrete_fields if getattr(field, "auto_now", False)]
                self.save(update_fields=[*fields, *stamped])
