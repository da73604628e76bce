"""Display helpers shared by every page, so templates hold no formatting logic."""

import datetime

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


def format_nhs_number(value: str) -> str:
    """NHS numbers are shown 3-3-4: 999 123 4560."""
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
