"""The dates any record may hold: within the service's era, and nothing about a person before they
were born. Written once here, and called from each model's clean(), so pages and the API refuse the
same dates with the same messages."""

import datetime

# Nobody on the register was born before 1900, and no plan, review or budget runs past 2099: a date
# outside these is a typing slip (0001-01-01), and some would overflow date arithmetic.
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2099, 12, 31)
FIRST_FINANCIAL_YEAR, LAST_FINANCIAL_YEAR = EARLIEST.year, LATEST.year - 1


def long_date(day: datetime.date) -> str:
    """
    >>> long_date(datetime.date(2011, 6, 7))
    '7 June 2011'
    """
    return f"{day.day} {day:%B %Y}"


def in_era(errors: dict, field: str, value, what: str) -> None:
    """Refuse a date before 1900 or after 2099, naming the field as `what` says it."""
    if value and not EARLIEST <= value <= LATEST:
        errors.setdefault(field, f"{what} must be between {long_date(EARLIEST)} and {long_date(LATEST)}")


def not_before_birth(errors: dict, field: str, value, person, what: str) -> None:
    """Refuse a date about a person before their date of birth."""
    born = getattr(person, "date_of_birth", None)
    if value and born and value < born:
        errors.setdefault(field, f"{what} must be on or after their date of birth, {long_date(born)}")


def about_person(errors: dict, field: str, value, person, what: str) -> None:
    """A date about a person: within the era and not before they were born."""
    in_era(errors, field, value, what)
    not_before_birth(errors, field, value, person, what)
