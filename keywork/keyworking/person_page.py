"""What keyworking adds to a person's record: the keywork and plans sub-pages' sections, the
keyworkers in the summary, and events on the timeline."""

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, may_read_restricted_notes
from keywork.keyworking.models import FollowUp
from keywork.personrecord import SummaryItem
from keywork.presenters import in_sentence, plural, uk_long_date
from keywork.register.timeline import Event

RESTRICTED_NOTE = "Restricted notes: visible only to the person's own workers and managers"
RECENT_CONTACTS = 5


def _name(user) -> str:
    return user.display_name if user else ""


def keywork_section(request, person) -> str:
    referrals = list(person.referrals.all())
    may_read = may_read_restricted_notes(request.user, person)
    contacts = person.contacts.select_related("recorded_by")[:RECENT_CONTACTS]
    context = {
        "person": person,
        "referral": referrals[0] if referrals else None,
        "contacts": [
            (
                contact,
                uk_long_date(timezone.localtime(contact.occurred_at).date()),
                visible_notes(contact, request.user, person, may_read),
            )
            for contact in contacts
        ],
        "contact_count": person.contacts.count(),
        "allocations": person.allocations.current().select_related("worker"),
        "involvements": person.involvements.filter(ended_on__isnull=True).select_related("professional"),
        "escalations": person.escalations.open(),
        "follow_ups": person.follow_ups.readable_by(request.user).filter(done_on__isnull=True).select_related("owner"),
        "may": _may(request),
        "today": timezone.localdate(),
    }
    return render_to_string("keyworking/person_section.jinja", context, request)


def plan_section(request, person) -> str:
    context = {"person": person, "plan": person.support_plans.first(), "may": _may(request)}
    return render_to_string("keyworking/person_plan.jinja", context, request)


def keyworkers(request, person) -> list[SummaryItem]:
    allocations = person.allocations.current().select_related("worker")
    names = [f"{a.worker.display_name} ({a.get_worker_type_display()})" for a in allocations]
    return [SummaryItem("Keyworker" if len(names) < 2 else "Workers", ", ".join(names) or "None allocated")]


def _may(request) -> dict:
    return {permission.name: has_permission(request.user, permission) for permission in Permission}


def visible_notes(contact, user, person, may_read: bool | None = None) -> str:
    """The notes, or a line saying they are restricted. `may_read` saves asking once per contact."""
    if may_read is None:
        may_read = may_read_restricted_notes(user, person)
    return RESTRICTED_NOTE if contact.restricted and not may_read else contact.notes


ALLOCATIONS, REFERRALS = "Allocations", "Referrals for keywork"


def timeline_events(request, person) -> list[Event]:
    events = []
    may_read = may_read_restricted_notes(request.user, person)
    # A list of follow-ups per contact (to_attr), not a queryset each: a long record has hundreds.
    contacts = person.contacts.select_related("recorded_by").prefetch_related(
        Prefetch(
            "follow_ups",
            queryset=FollowUp.objects.readable_by(request.user).order_by("due_on"),
            to_attr="follow_up_list",
        )
    )
    for contact in contacts:
        follow_ups = "; ".join(
            f"Follow-up: {f.description} (due {uk_long_date(f.due_on)})" for f in contact.follow_up_list
        )
        detail = " ".join(filter(None, [visible_notes(contact, request.user, person, may_read), follow_ups]))
        title = f"{contact.get_contact_type_display()}, {plural(contact.duration_minutes, 'minute')}"
        on = timezone.localtime(contact.occurred_at).date()
        events.append(Event(on, title, detail, _name(contact.recorded_by), kind="Contacts"))
    for allocation in person.allocations.select_related("worker", "recorded_by"):
        title = f"{allocation.get_worker_type_display()} allocated: {_name(allocation.worker)}"
        events.append(
            Event(allocation.starts_on, title, allocation.reason, _name(allocation.recorded_by), kind=ALLOCATIONS)
        )
        if allocation.ends_on:
            title = f"{allocation.get_worker_type_display()} allocation ended: {_name(allocation.worker)}"
            events.append(Event(allocation.ends_on, title, allocation.end_reason, "", kind=ALLOCATIONS))
    for referral in person.referrals.select_related("decided_by"):
        events.append(
            Event(
                referral.received_on,
                "Referred for keywork",
                f"{referral.referrer_name}, {referral.referrer_organisation}: {referral.reason}",
                "",
                kind=REFERRALS,
            )
        )
        if referral.decided_on:
            events.append(
                Event(
                    referral.decided_on,
                    f"Keywork referral {referral.get_decision_display().lower()}",
                    referral.decision_reason,
                    _name(referral.decided_by),
                    kind=REFERRALS,
                )
            )
        if referral.closed_on:
            events.append(
                Event(referral.closed_on, "Keywork ended", referral.get_closing_reason_display(), "", kind=REFERRALS)
            )
    for escalation in person.escalations.select_related("raised_by"):
        title = f"Escalated to {escalation.escalated_to} ({in_sentence(escalation.get_level_display())})"
        by = _name(escalation.raised_by)
        events.append(Event(escalation.escalated_on, title, escalation.issue, by, kind="Escalations"))
    for plan in person.support_plans.select_related("saved_by"):
        saved_on = timezone.localtime(plan.saved_at).date()
        title = f"Support plan version {plan.version} saved"
        events.append(Event(saved_on, title, "", _name(plan.saved_by), kind="Support plans"))
    return events


def contact_saved(form) -> str:
    """The banner after recording a contact: "Contact on 5 October 2026 recorded"."""
    return f"Contact on {uk_long_date(form.cleaned_data['contact_date'])} recorded"
