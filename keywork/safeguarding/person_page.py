"""What safeguarding adds to a person's record: its sub-page's section, alert tags in the summary
and events on the timeline. Concerns are shown, and their reading audited, only to those who may
read the person's restricted notes."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, may_read_restricted_notes
from keywork.personrecord import Alert
from keywork.register.access import listed
from keywork.register.timeline import Event
from keywork.safeguarding import rules

HIDDEN_CONCERNS = "Safeguarding concerns are visible only to the person's own workers and managers."
STATUSES, CONCERNS = "Safeguarding statuses", "Safeguarding concerns"


def concerns_for(request, person) -> list:
    """The person's concerns `request` may read, the reading audited; none for anyone else."""
    if not may_read_restricted_notes(request.user, person):
        return []
    concerns = person.safeguarding_concerns.select_related("raised_by")
    return listed(request, concerns, what="safeguarding concerns")


def safeguarding_section(request, person) -> str:
    statuses = list(person.safeguarding_statuses.all())
    context = {
        "person": person,
        "current": [status for status in statuses if status.is_current],
        "past": [status for status in statuses if not status.is_current],
        "may_read_concerns": may_read_restricted_notes(request.user, person),
        "concerns": concerns_for(request, person),
        "hidden_concerns": HIDDEN_CONCERNS,
        "may_edit": has_permission(request.user, Permission.EDIT_PERSON),
        "may_raise": has_permission(request.user, Permission.RAISE_SAFEGUARDING_CONCERN),
        "may_record_outcome": has_permission(request.user, Permission.RECORD_CONTACT),
    }
    return render_to_string("safeguarding/person_section.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    """A current child protection plan or looked-after status for everyone who opens the record; an
    open concern only for those who may read it."""
    kinds = set(person.safeguarding_statuses.current().values_list("kind", flat=True))
    found = [Alert(*rules.ALERT_KINDS[kind]) for kind in rules.ALERT_KINDS if kind in kinds]
    if may_read_restricted_notes(request.user, person) and person.safeguarding_concerns.open().exists():
        found.append(Alert("Safeguarding concern", "orange"))
    return found


def timeline_events(request, person) -> list[Event]:
    events = []
    for status in person.safeguarding_statuses.select_related("recorded_by"):
        label = status.get_kind_display()
        detail = f"{status.local_authority}" + (f", {status.get_legal_basis_display()}" if status.legal_basis else "")
        events.append(
            Event(status.starts_on, f"{label} started", detail, status.recorded_by.display_name, kind=STATUSES)
        )
        if status.ends_on and status.ends_on <= timezone.localdate():
            events.append(Event(status.ends_on, f"{label} ended", status.local_authority, "", kind=STATUSES))
    for concern in concerns_for(request, person):
        title = f"Safeguarding concern: {concern.get_category_display().lower()}"
        referred = f"Referred to: {concern.get_referred_to_display().lower()}"
        events.append(Event(concern.raised_on, title, referred, concern.raised_by.display_name, kind=CONCERNS))
    return events
