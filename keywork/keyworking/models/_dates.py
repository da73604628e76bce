"""Date checks shared by every keyworking record."""

from django.utils import timezone


def not_after_today(errors: dict, field: str, value, what: str) -> None:
    if value and value > timezone.localdate():
        errors[field] = f"{what} must be today or in the past"


def not_before(errors: dict, field: str, value, earliest, message: str) -> None:
    if value and earliest and value < earliest:
        errors.setdefault(field, message)
