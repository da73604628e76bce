"""What C(E)TRs add to a person's record: their reviews and actions (the latest in full, earlier ones
folded), and events on the timeline."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.timeline import Event

RECENT_REVIEWS = 3


def reviews_section(request, person) -> str:
    reviews = list(person.reviews.prefetch_related("actions__owner_staff", "actions__owner_professional"))
    context = {
        "person": person,
        "recent": reviews[:RECENT_REVIEWS],
        "earlier": reviews[RECENT_REVIEWS:],
        "may_record": has_permission(request.user, Permission.RECORD_REVIEW),
    }
    return render_to_string("reviews/person_section.jinja", context, request)


def timeline_events(request, person) -> list[Event]:
    events = []
    for review in person.reviews.all():
        if review.is_laep:
            events.append(Event(review.held_on, "LAEP meeting held", review.outcome_summary, "", kind="C(E)TRs"))
            continue
        events.append(
            Event(
                review.requested_on,
                f"{review.name} requested ({review.get_kind_display().lower()})",
                "",
                "",
                kind="C(E)TRs",
            )
        )
        if review.held_on:
            events.append(Event(review.held_on, f"{review.name} held", review.outcome_summary, "", kind="C(E)TRs"))
    return events
