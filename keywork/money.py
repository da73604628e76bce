"""Money in pence (integers, never floats) and the NHS financial year (April to March)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

# No single entry or budget comes near this; it keeps every amount well inside a 64-bit integer of pence.
LARGEST_POUNDS = 1_000_000_000
LARGEST_PENCE = LARGEST_POUNDS * 100


def financial_year_of(day: datetime.date) -> int:
    """The financial year a date falls in, named by the year it starts.

    >>> financial_year_of(datetime.date(2024, 3, 31)), financial_year_of(datetime.date(2024, 4, 1))
    (2023, 2024)
    """
    return day.year if day.month >= 4 else day.year - 1


def financial_year_label(start_year: int) -> str:
    """
    >>> financial_year_label(2023)
    '2023/24'
    """
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def financial_year_months(start_year: int) -> list[datetime.date]:
    """The first day of each month, April to March."""
    return [datetime.date(start_year + (month < 4), month, 1) for month in [*range(4, 13), 1, 2, 3]]


MINUS = "\u2212"  # the minus sign: a hyphen reads as a dash, and screen readers may not say it


def pounds(pence: int) -> str:
    """An amount as people read it, the minus sign before the pound sign (GOV.UK style).

    >>> pounds(145000000), pounds(-15926305), pounds(5)
    ('£1,450,000.00', '−£159,263.05', '£0.05')
    """
    sign = MINUS if pence < 0 else ""
    whole, pennies = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{pennies:02d}"


def whole_pounds(pence: int) -> str:
    """An amount to the nearest pound, for an estimate, where pence would claim a precision it has not.

    >>> whole_pounds(1234550), whole_pounds(49), whole_pounds(-15926305)
    ('£12,346', '£0', '−£159,263')
    """
    sign = MINUS if pence < 0 else ""
    whole = int((Decimal(abs(pence)) / 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    return f"{sign}£{whole:,}"


def pence_from_text(text: str) -> int:
    """'1,234.56' or '£1234.5' → 123456 pence; refuses anything that is not an amount. A minus
    sign copied from a page (−£12.50) is read as the hyphen people type.

    >>> pence_from_text("£1,234.5"), pence_from_text("−£12.50")
    (123450, -1250)
    """
    cleaned = (text or "").replace("£", "").replace(",", "").replace(MINUS, "-").strip()
    try:
        amount = Decimal(cleaned)
    except InvalidOperation as error:
        raise ValidationError("Enter an amount in pounds, like 1,250.00") from error
    if not amount.is_finite() or abs(amount) > LARGEST_POUNDS:
        raise ValidationError(f"Enter an amount in pounds up to {LARGEST_POUNDS:,}")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError("Enter the amount to the penny, with at most two decimal places")
    return int((amount * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))
