"""The pack's building blocks: a section is a titled table whose columns say whether they are about
other people, with values printed as a reader wants them (UK dates, staff names and roles, Yes/No)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from keywork.presenters import uk_date, uk_datetime


@dataclass(frozen=True)
class Column:
    label: str
    value: str | Callable  # a field name (or "related__field" path), or a function of the row
    about_others: bool = False  # names or describes someone other than the person


@dataclass
class Section:
    title: str
    columns: list[Column]
    rows: list[list[str]]
    # Why the whole section is for review (it is about other people), or "" if only some of it is.
    review_reason: str = ""
    review_rows: set[int] = field(default_factory=set)  # row indexes for review (restricted notes)

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
    return f"{user.get_full_name() or user.username} ({user.display_role})"


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
    records = list(records)
    rows = [
        [text(column.value(row) if callable(column.value) else field_value(row, column.value)) for column in columns]
        for row in records
    ]
    review_rows = {index for index, row in enumerate(records) if review_row and review_row(row)}
    return Section(title, columns, rows, review_reason, review_rows)
