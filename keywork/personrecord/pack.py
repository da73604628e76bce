"""The subject access pack's building blocks, which each app uses to declare its part of the pack.

A section is a titled table whose columns say whether they are about other people, with values
printed as a reader wants them (UK dates, staff names and roles, Yes/No). Each section also knows
which model fields it shows, so a test can check that every field held about a person is either
in the pack or deliberately left out.

UK GDPR Article 15 gives the person a copy of their data, but not other people's (Data Protection
Act 2018, Schedule 2 paragraph 16). Whatever names or describes someone else (family, professionals,
staff), and restricted notes, is marked FOR REVIEW BEFORE RELEASE so the manager redacts it first.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from keywork.presenters import uk_date, uk_datetime

FOR_REVIEW = "FOR REVIEW BEFORE RELEASE"
OTHER_PEOPLE = "names or describes other people (family, professionals or staff)"
# Fields that every model may leave out of the pack, by name, with the reason.
LEFT_OUT_EVERYWHERE = {
    "id": "the database's own key, which means nothing to the person",
    "person": "the person the pack is about",
    "recorded_by": "who recorded it, and when, is in the pack's account of who has seen and changed the record",
    "recorded_at": "who recorded it, and when, is in the pack's account of who has seen and changed the record",
}


@dataclass(frozen=True)
class Column:
    label: str
    value: str | Callable  # a field name (or "related__field" path), or a function of the row
    about_others: bool = False  # names or describes someone other than the person
    # The fields a function column shows: names on the section's model, or "app.Model.field".
    covers: tuple[str, ...] = ()

    def fields(self, model_label: str) -> set[str]:
        """The fields this column shows, as "app.Model.field"."""
        names = [self.value.split("__")[0]] if isinstance(self.value, str) else []
        return {name if name.count(".") == 2 else f"{model_label}.{name}" for name in [*names, *self.covers]}


@dataclass
class Section:
    title: str
    columns: list[Column]
    rows: list[list[str]]
    # Why the whole section is for review (it is about other people), or "" if only some of it is.
    review_reason: str = ""
    review_rows: set[int] = field(default_factory=set)  # row indexes for review (restricted notes)
    covered_fields: set[str] = field(default_factory=set)  # "app.Model.field" shown in this section

    @property
    def for_review(self) -> bool:
        return bool(self.review_reason or self.review_rows or any(c.about_others for c in self.columns))


def text(value) -> str:
    """A value as a reader would want it printed: UK dates, names of people, Yes and No."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return uk_datetime(value)
    if isinstance(value, datetime.date):
        return uk_date(value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple)):
        return ", ".join(text(item) for item in value)
    if getattr(value, "_meta", None) and value._meta.label == "accounts.User":
        return staff_name(value)
    return str(value)


def staff_name(user) -> str:
    return f"{user.display_name} ({user.display_role})"


def field_value(row, path: str):
    """Follow `path` ("professional__name"), showing a choice's label rather than its code."""
    *through, last = path.split("__")
    for name in through:
        row = getattr(row, name)
        if row is None:
            return None
    display = getattr(row, f"get_{last}_display", None)
    return display() if display else getattr(row, last)


def section(title: str, records, columns: list[Column], review_reason: str = "", review_row=None) -> Section:
    """A table of `records` (a queryset: its model is what the columns' fields belong to)."""
    model_label = records.model._meta.label
    records = list(records)
    rows = [[text(_value(row, column)) for column in columns] for row in records]
    review_rows = {index for index, row in enumerate(records) if review_row and review_row(row)}
    covered = {name for column in columns for name in column.fields(model_label)}
    return Section(title, columns, rows, review_reason, review_rows, covered)


def details_section(title: str, record, details: list[Column]) -> Section:
    """One record as a two-column table, a row per detail: for the person's own details."""
    rows = [[column.label, text(_value(record, column))] for column in details]
    covered = {name for column in details for name in column.fields(record._meta.label)}
    return Section(title, [Column("Detail", "label"), Column("Recorded", "value")], rows, covered_fields=covered)


def _value(row, column: Column):
    return column.value(row) if callable(column.value) else field_value(row, column.value)
