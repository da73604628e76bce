"""What placements add to a person's details: where they live now and before, and placement
breakdowns, with links to record each for those allowed."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.personrecord import Alert, RiskPrompt
from keywork.placements.rules import latest_breakdown_within, placement_breakdown_within
from keywork.presenters import uk_long_date
from keywork.register.choices import RiskFactor
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


def risk_prompts(person, today) -> list[RiskPrompt]:
    """A breakdown recent enough to alert on is offered as a risk factor when rating the person."""
    breakdown = latest_breakdown_within(person, RECENT_BREAKDOWN_MONTHS, today)
    if breakdown is None:
        return []
    text = f"Their placement broke down on {uk_long_date(breakdown.occurred_on)}"
    return [RiskPrompt(RiskFactor.PLACEMENT_BREAKDOWN, text)]


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
