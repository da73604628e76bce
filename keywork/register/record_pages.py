"""The person's record as sub-pages (personrecord.TABS): their addresses, the summary each one opens
with, and the sub-navigation between them.

Forms that act on a person go back to the sub-page and section they belong to:
`done_url=person_url(person, "keywork", "contacts")`.
"""

from django.urls import reverse

from keywork import personrecord
from keywork.presenters import format_nhs_number, uk_long_date
from keywork.register.withdrawal import withdrawal_of


def person_url(person, tab: str = "details", section: str = "") -> str:
    """The address of one of the person's sub-pages, and of a section on it (its id)."""
    if tab not in personrecord.TAB_SLUGS:
        raise ValueError(f"The person's record has no {tab} sub-page")
    name = "register:person" if tab == "details" else f"register:person_{tab}"
    return reverse(name, args=[person.pk]) + (f"#{section}" if section else "")


def navigation(person, current: str) -> list[dict]:
    return [
        {"href": person_url(person, tab.slug), "text": tab.label, "current": tab.slug == current}
        for tab in personrecord.TABS
    ]


def summary(request, person) -> dict:
    """What every sub-page shows first: who the person is, their rating, their worker, their next
    review, and the alerts each part of the record raises (inpatient, legal hold, ...)."""
    # The tag names the rating; what it means follows in words, so the tag stays short.
    meaning = person.get_rating_display().partition(" – ")[2] if person.rating else ""
    since = f"since {uk_long_date(person.rating_effective_on)}" if person.rating_effective_on else ""
    next_review = uk_long_date(person.next_review_due) or "Not set"
    return {
        "nhs_number": format_nhs_number(person.nhs_number),
        "age": f"{person.age} (born {uk_long_date(person.date_of_birth)})",
        "rating_text": ", ".join(filter(None, [meaning[:1].upper() + meaning[1:], since])),
        "next_review": next_review,
        "review_overdue": person.is_review_overdue,
        "items": personrecord.summary_items(request, person),
        "alerts": personrecord.alerts(request, person),
        "withdrawal": withdrawal_of(person),
    }
