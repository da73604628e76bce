"""Checks shared by every outcome record, each adding a plain-words error for its field."""

from django.utils import timezone

from keywork.outcomes.rules import outside


def not_in_future(errors: dict, field: str, value, what: str) -> None:
    if value and value > timezone.localdate():
        errors.setdefault(field, f"{what} must be today or in the past")


def not_before(errors: dict, field: str, value, earliest, message: str) -> None:
    if value and earliest and value < earliest:
        errors.setdefault(field, message)


def within(errors: dict, field: str, value, bounds: tuple[int, int], what: str) -> None:
    if outside(value, bounds):
        errors.setdefault(field, f"{what} must be from {bounds[0]} to {bounds[1]}")
