"""Display helpers shared by every page, so templates hold no formatting logic."""

import datetime
import decimal

from django.utils import timezone
from markupsafe import Markup

RATING_TAG_CLASSES = {
    "red": "nhsuk-tag--red",
    "amber": "nhsuk-tag--orange",
    "green": "nhsuk-tag--green",
    "blue": "nhsuk-tag--blue",
}


def uk_date(value: datetime.date | None) -> str:
    """22 Nov 2026, the format NHS services show dates in."""
    if not value:
        return ""
    return f"{value.day} {value:%b %Y}"


def uk_long_date(value: datetime.date | None) -> str:
    """22 November 2026, the format for dates in sentences (GOV.UK style)."""
    if not value:
        return ""
    return f"{value.day} {value:%B %Y}"


def uk_datetime(value: datetime.datetime | None) -> str:
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{uk_date(local.date())}, {local:%H:%M}"


def uk_long_datetime(value: datetime.datetime | None) -> str:
    """'22 November 2026 at 14:30', for a moment named in a sentence."""
    if not value:
        return ""
    local = timezone.localtime(value)
    return f"{uk_long_date(local.date())} at {local:%H:%M}"


def format_nhs_number(value: str) -> str:
    """NHS numbers are shown 3-3-4: 999 123 4578."""
    if not value or len(value) != 10:
        return value or ""
    return f"{value[:3]} {value[3:6]} {value[6:]}"


def rating_tag(rating: str | None, label: str | None = None) -> dict:
    """Parameters for the nhsuk tag macro: the rating's colour and always its name in words."""
    if not rating:
        return {"text": "Not rated", "classes": "nhsuk-tag--grey"}
    return {"text": label or rating.capitalize(), "classes": RATING_TAG_CLASSES[rating]}


def in_sentence(label: str) -> str:
    """A label inside a sentence: 'Given name' → 'given name', but 'NHS number' and 'DSR rating' keep
    their capitals.

    >>> in_sentence("Given name"), in_sentence("NHS number")
    ('given name', 'NHS number')
    """
    return label if label[:2].isupper() else label[0].lower() + label[1:]


def plural(count: int, singular: str, plural_form: str = "") -> str:
    """A count and its noun, the noun agreeing: '1 day', '12 days', '1,250 people'.

    >>> plural(1, "day"), plural(12, "day"), plural(0, "closed risk"), plural(1250, "person", "people")
    ('1 day', '12 days', '0 closed risks', '1,250 people')
    """
    return f"{count:,} {singular if count == 1 else plural_form or singular + 's'}"


def number(value: float | int | None, places: int = 1) -> str:
    """A number without spurious decimals: whole numbers bare, others to `places`, thousands separated,
    negatives with the minus sign.

    >>> number(12.0), number(82.45), number(1250), number(-3.5), number(None)
    ('12', '82.5', '1,250', '−3.5', '')
    """
    if value is None:
        return ""
    rounded = round(float(value), places)
    text = f"{abs(rounded):,.{places}f}".rstrip("0").rstrip(".") if places else f"{abs(rounded):,.0f}"
    return ("\u2212" if rounded < 0 else "") + text


def figure(value):
    """A table cell: a number without spurious decimals, anything else as it is.

    >>> figure(1.0), figure(17.75), figure(12), figure("*"), figure(None)
    ('1', '17.75', '12', '*', None)
    """
    if isinstance(value, bool) or not isinstance(value, (int, float, decimal.Decimal)):
        return value
    return number(value, 2)


def percent(value: float | int | None) -> str:
    """
    >>> percent(82.0), percent(10.04), percent(None)
    ('82%', '10%', '')
    """
    return f"{number(value)}%" if value is not None else ""


def days_ago(days: int) -> str:
    """
    >>> days_ago(0), days_ago(1), days_ago(12)
    ('today', '1 day ago', '12 days ago')
    """
    return f"{plural(days, 'day')} ago" if days else "today"


# Units whose singular is not the plural less its "s".
_SINGULAR = {"people": "person"}


def measure(value: float | int | None, unit: str) -> str:
    """A figure with its unit, as a KPI shows it: a percentage closed up, a count agreeing.

    >>> measure(82.0, "%"), measure(12.0, "days"), measure(1, "days"), measure(1, "people"), measure(6.5, "people")
    ('82%', '12 days', '1 day', '1 person', '6.5 people')
    """
    if value is None:
        return ""
    text = number(value)
    if unit.strip() in ("%", "per cent"):
        return f"{text}%"
    if text == "1":
        unit = _SINGULAR.get(unit, unit.removesuffix("s"))
    return f"{text} {unit}"


def tag(params: dict) -> Markup:
    """The nhsuk tag's markup, for long lists: the same HTML as its macro, without a macro call per
    row (the register list renders three tags a row; the macro dominated its rendering time)."""
    return Markup('<strong class="nhsuk-tag {}">{}</strong>').format(params.get("classes", ""), params["text"])


def form_error_list(form) -> list[dict]:
    """The error summary's items: form-wide errors, then each field's first error, linked to it."""
    items = [{"text": error} for error in form.non_field_errors()]
    for field in form:
        if field.errors:
            anchor = getattr(field, "error_anchor", field.auto_id)
            items.append({"text": field.errors[0], "href": f"#{anchor}"})
    return items
