"""What keyworking adds to a person's page: a section, and events on their timeline."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, may_read_restricted_notes
from keywork.keyworking.models import FollowUp
from keywork.presenters import uk_date
from keywork.register.timeline import Event

RESTRICTED_NOTE = "Restricted notes: visible only to the person's own workers and managers"


def _name(user) -> str:
    return user.display_name if user else ""


def keywork_section(request, person) -> str:
    referrals = list(person.referrals.all())
    context = {
        "person": person,
        "referral": referrals[0] if referrals else None,
        "allocations": person.allocations.current().select_related("worker"),
        "involvements": person.involvements.filter(ended_on__isnull=True).select_related("professional"),
        "plan": person.support_plans.first(),
        "escalations": person.escalations.open(),
        "follow_ups": person.follow_ups.filter(done_on__isnull=True).select_related("owner"),
        "may": {permission.name: has_permission(request.user, permission) for permission in Permission},
        "today": timezone.localdate(),
    }
    return render_to_string("keyworking/person_section.jinja", context, request)


def visible_notes(contact, user, person, may_read: bool | None = None) -> str:
    """The notes, or a line saying they are restricted. `may_read` saves asking once per contact."""
    if may_read is None:
        may_read = may_read_restricted_notes(user, person)
    return RESTRICTED_NOTE if contact.restricted and not may_read else contact.notes


def timeline_events(request, person) -> list[Event]:
    events = []
    may_read = may_read_restricted_notes(request.user, person)
    # A list of follow-ups per contact (to_attr), not a queryset each: a long record has hundreds.
    contacts = person.contacts.select_related("recorded_by").prefetch_related(
        Prefetch("follow_ups", queryset=FollowUp.objects.order_by("due_on"), to_attr="follow_up_list")
    )
    for contact in contacts:
        follow_ups = "; ".join(f"Follow-up: {f.description} (due {uk_date(f.due_on)})" for f in contact.follow_up_list)
        detail = " ".join(filter(None, [visible_notes(contact, request.user, person, may_read), follow_ups]))
        title = f"{contact.get_contact_type_display()}, {contact.duration_minutes} minutes"
        events.append(Event(timezone.localtime(contact.occurred_at).date(), title, detail, _name(contact.recorded_by)))
    for allocation in person.allocations.select_related("worker", "recorded_by"):
        title = f"{allocation.get_worker_type_display()} allocated: {_name(allocation.worker)}"
        events.append(Event(allocation.starts_on, title, allocation.reason, _name(allocation.recorded_by)))
        if allocation.ends_on:
            title = f"{allocation.get_worker_type_display()} allocation ended: {_name(allocation.worker)}"
            events.append(Event(allocation.ends_on, title, allocation.end_reason, ""))
    for referral in person.referrals.select_related("decided_by"):
        events.append(
            Event(
                referral.received_on,
                "Referred for keywork",
                f"{referral.referrer_name}, {referral.referrer_organisation}: {referral.reason}",
                "",
            )
        )
        if referral.decided_on:
            events.append(
                Event(
                    referral.decided_on,
                    f"Keywork referral {referral.get_decision_display().lower()}",
                    referral.decision_reason,
                    _name(referral.decided_by),
                )
            )
        if referral.closed_on:
            events.append(Event(referral.closed_on, "Keywork ended", referral.get_closing_reason_display(), ""))
    for escalation in person.escalations.select_related("raised_by"):
        title = f"Escalated to {escalation.escalated_to} ({escalation.get_level_display().lower()})"
        events.append(Event(escalation.escalated_on, title, escalation.issue, _name(escalation.raised_by)))
    for plan in person.support_plans.select_related("saved_by"):
        saved_on = timezone.localtime(plan.saved_at).date()
        events.append(Event(saved_on, f"Support plan version {plan.version} saved", "", _name(plan.saved_by)))
    return events
