"""The dates any record may hold: within the service's era, and nothing about a person before they
were born. Written once here, and called from each model's clean(), so pages and the API refuse the
same dates with the same messages."""

import datetime

from django.utils import timezone

from keywork.presenters import uk_long_date

# Nobody on the register was born before 1900, and no plan, review or budget runs past 2099: a date
# outside these is a typing slip (0001-01-01), and some would overflow date arithmetic.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2099, 12, 31)
FIRST_FINANCIAL_YEAR, LAST_FINANCIAL_YEAR = EARLIEST.year, LATEST.year - 1


def _day(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        # Inside the era only: the local time of 0001-01-01 00:00 UTC is before the first date.
        return timezone.localtime(value).date() if EARLIEST.year < value.year < LATEST.year else value.date()
    return value


def in_era(errors: dict, field: str, value, what: str) -> None:
    """Refuse a date (or a moment) before 1900 or after 2099; `what` names the field in a sentence."""
    day = _day(value)
    if day and not EARLIEST <= day <= LATEST:
        errors.setdefault(field, f"{what} must be between {uk_long_date(EARLIEST)} and {uk_long_date(LATEST)}")


def about_person(errors: dict, field: str, value, person, what: str) -> None:
    """A date about a person: within the era, and on or after their date of birth."""
    in_era(errors, field, value, what)
    day, born = _day(value), getattr(person, "date_of_birth", None)
    if day and born and day < born:
        errors.setdefault(field, f"{what} must be on or after their date of birth, {uk_long_date(born)}")


def financial_year_in_era(errors: dict, field: str, year) -> None:
    """Refuse a financial year whose months fall outside the era."""
    if year is not None and not FIRST_FINANCIAL_YEAR <= year <= LAST_FINANCIAL_YEAR:
        errors.setdefault(
            field,
            f"Enter a financial year from {FIRST_FINANCIAL_YEAR} to {LAST_FINANCIAL_YEAR}, "
            "the year it starts: 2026 for 2026/27",
        )
