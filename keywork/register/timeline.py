"""Everything that happened to a person, newest first, filtered by kind and date, for the records sub-page."""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.paginator import Page, Paginator

from keywork import personrecord
from keywork.forms import fields

# Seven events, with the filters and the record's other sections, fit three screens at 1280 x 800
# even when every event has a long note and a long recorder name.
PAGE_SIZE = 7


@dataclass
class Event:
    on: datetime.date
    title: str
    detail: str
    by: str
    rating: str = ""
    kind: str = "Other"  # what the timeline can be filtered by: "Contacts", "Ratings", ...


def timeline_for(request, person) -> list[Event]:
    events = [
        Event(
            change.effective_on,
            f"Rated {change.get_rating_display().split(' – ')[0].lower()}"
            + (f" at the {change.source_label}" if change.source_label else ""),
            change.reason,
            change.decided_by.display_name,
            change.rating,
            kind="Ratings",
        )
        for change in person.rating_changes.select_related("decided_by")
    ]
    events += [
        Event(
            consent.decided_on,
            consent.get_basis_display(),
            f"By {consent.given_by}. {consent.notes}".strip(),
            consent.recorded_by.display_name,
            kind="Consent",
        )
        for consent in person.consents.select_related("recorded_by")
    ]
    register = "Register entry"
    events.append(
        Event(person.referral_date, "Referred to the register", person.get_referral_source_display(), "", kind=register)
    )
    if person.status_changed_on:
        events.append(
            Event(person.status_changed_on, person.get_status_display(), person.status_reason, "", kind=register)
        )
    events += personrecord.timeline_events(request, person)
    return sorted(events, key=lambda event: event.on, reverse=True)


class TimelineFilterForm(forms.Form):
    """A GET form: the kinds offered are those the person's timeline holds, so a new app's events
    are offered as soon as it adds them."""

    kind = fields.ChoiceField(label="What happened", required=False, choices=())
    after = fields.DateField(label="From", error_name="the first date", required=False)
    before = fields.DateField(label="To", error_name="the last date", required=False)

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", "Everything")] + [(kind, kind) for kind in kinds]

    def clean(self):
        data = super().clean()
        if data.get("after") and data.get("before") and data["after"] > data["before"]:
            self.add_error("before", "The last date must be the same as or after the first date")
        return data


def filtered_timeline(request, person) -> tuple[TimelineFilterForm, Page]:
    """The form as the user filled it in, and the page of events it selects."""
    events = timeline_for(request, person)
    form = TimelineFilterForm(request.GET or None, kinds=sorted({event.kind for event in events}))
    criteria = form.cleaned_data if form.is_valid() else {}
    events = [event for event in events if _matches(event, criteria)]
    return form, Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))


def _matches(event: Event, criteria: dict) -> bool:
    if criteria.get("kind") and event.kind != criteria["kind"]:
        return False
    if criteria.get("after") and event.on < criteria["after"]:
        return False
    return not (criteria.get("before") and event.on > criteria["before"])
