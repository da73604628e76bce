"""What placements add to a person's details: where they live now and before, and placement
breakdowns, with links to record each for those allowed."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.personrecord import Alert
from keywork.placements.rules import placement_breakdown_within
from keywork.register.timeline import Event

# A breakdown this recent is shown to everyone opening the record (a risk factor for admission).
RECENT_BREAKDOWN_MONTHS = 6


def placements_section(request, person) -> str:
    context = {
        "person": person,
        "placements": person.placements.all(),
        "breakdowns": person.placement_breakdowns.all(),
        "may_edit": has_permission(request.user, Permission.EDIT_PERSON),
    }
    return render_to_string("placements/person_section.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    if placement_breakdown_within(person, RECENT_BREAKDOWN_MONTHS, timezone.localdate()):
        return [Alert("Placement breakdown in the last 6 months", "orange")]
    return []


def timeline_events(request, person) -> list[Event]:
    events = [
        Event(placement.starts_on, f"Moved to: {placement.get_kind_display().lower()}", "", "", kind="Placements")
        for placement in person.placements.all()
    ]
    events += [
        Event(breakdown.occurred_on, "Placement breakdown", breakdown.what_happened, "", kind="Placements")
        for breakdown in person.placement_breakdowns.all()
    ]
    return events
