"""What behaviour support adds to a person's record: a short section on the plans sub-page (the
latest PBS plan and its review date, recent incidents, links to the plan and the incident log), an
alert while the plan's review is overdue, and timeline events. On the plans sub-page, beside the
support and crisis plan, rather than on outcomes, whose busy record has no room left for it within
three screens."""

import datetime

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.behavioursupport import rules
from keywork.personrecord import Alert
from keywork.register.timeline import Event

KIND = "Behaviour support"


def latest_plan(person):
    return person.pbs_plans.first() if person.pk else None


def recent_incidents(person, today: datetime.date):
    first_day = today - datetime.timedelta(days=rules.RECENT_DAYS)
    since = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time()))
    return person.incidents.filter(occurred_at__gte=since)


def behaviour_support_section(request, person) -> str:
    today = timezone.localdate()
    recent = recent_incidents(person, today)
    context = {
        "person": person,
        "plan": latest_plan(person),
        "recent_days": rules.RECENT_DAYS,
        "recent": recent.count(),
        "recent_restrictive": recent.filter(practices__isnull=False).distinct().count(),
        "may_plan": has_permission(request.user, Permission.EDIT_PLAN),
        "may_record": has_permission(request.user, Permission.RECORD_OUTCOMES),
    }
    return render_to_string("behavioursupport/person_section.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    plan = latest_plan(person)
    return [Alert("PBS plan review overdue", "orange")] if plan and plan.review_overdue else []


def timeline_events(request, person) -> list[Event]:
    events = [
        Event(plan.agreed_on, f"PBS plan version {plan.version} agreed", f"Written by {plan.written_by}", "", kind=KIND)
        for plan in person.pbs_plans.all()
    ]
    for incident in person.incidents.select_related("recorded_by").prefetch_related("practices"):
        used = ", ".join(practice.get_practice_display().lower() for practice in incident.practices.all())
        detail = f"Severity {incident.severity}" + (f"; restrictive practice: {used}" if used else "")
        title = f"Incident: {incident.get_setting_display().lower()}"
        events.append(Event(incident.day, title, detail, incident.recorded_by.display_name, kind=KIND))
    return events
