"""Everything that happened to a person, newest first, for their page."""

import datetime
from dataclasses import dataclass

from keywork import personrecord


@dataclass
class Event:
    on: datetime.date
    title: str
    detail: str
    by: str
    rating: str = ""


def timeline_for(request, person) -> list[Event]:
    events = [
        Event(
            change.effective_on,
            f"Rated {change.get_rating_display().split(' – ')[0].lower()}",
            change.reason,
            change.decided_by.display_name,
            change.rating,
        )
        for change in person.rating_changes.select_related("decided_by")
    ]
    events += [
        Event(
            consent.decided_on,
            consent.get_basis_display(),
            f"By {consent.given_by}. {consent.notes}".strip(),
            consent.recorded_by.display_name,
        )
        for consent in person.consents.select_related("recorded_by")
    ]
    events.append(Event(person.referral_date, "Referred to the register", person.get_referral_source_display(), ""))
    if person.status_changed_on:
        events.append(Event(person.status_changed_on, person.get_status_display(), person.status_reason, ""))
    events += personrecord.timeline_events(request, person)
    return sorted(events, key=lambda event: event.on, reverse=True)
