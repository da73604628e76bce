"""What signposting adds to a person's record: a short section on their keywork sub-page (how many,
what is waiting, the latest, and a link to them all) and events on the timeline."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.timeline import Event
from keywork.signposting.choices import Outcome

KIND = "Signposting"


def signposting_section(request, person) -> str:
    signpostings = list(person.signpostings.all())
    context = {
        "person": person,
        "latest": signpostings[0] if signpostings else None,
        "count": len(signpostings),
        "waiting": sum(1 for s in signpostings if s.outcome == Outcome.WAITING),
        "follow_up": sum(1 for s in signpostings if s.needs_follow_up),
        "may_record": has_permission(request.user, Permission.RECORD_CONTACT),
    }
    return render_to_string("signposting/person_section.jinja", context, request)


def timeline_events(request, person) -> list[Event]:
    events = []
    for signposting in person.signpostings.select_related("recorded_by"):
        by = signposting.recorded_by.display_name if signposting.recorded_by else ""
        kind = signposting.get_kind_display()
        title = f"Signposted to {signposting.organisation}"
        events.append(Event(signposting.signposted_on, title, kind, by, kind=KIND))
        if signposting.outcome_on:
            title = f"{signposting.get_outcome_display()}: {signposting.organisation}"
            events.append(Event(signposting.outcome_on, title, signposting.notes, "", kind=KIND))
    return events
