"""What outcomes add to a person's page: goals, behaviours of concern (a chart and its table),
family measures and closing outcomes, with links to record each for those allowed."""

import datetime

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.keyworking.rules import keywork_started_on
from keywork.outcomes.charts import behaviour_chart, behaviour_weeks
from keywork.outcomes.choices import MeasurePoint
from keywork.outcomes.models import ClosingOutcome, FamilyMeasure
from keywork.register.timeline import Event


def outcomes_section(request, person) -> str:
    records = list(person.behaviour_records.all())
    weeks = behaviour_weeks(records)
    started = keywork_started_on(person)
    context = {
        "person": person,
        "goals": person.goals.prefetch_related("ratings"),
        "weeks": weeks,
        "chart": behaviour_chart(weeks, started, f"behaviour-chart-{person.pk}"),
        "keywork_started": started,
        "one_week": datetime.timedelta(days=7),
        "family": family_change(list(person.family_measures.all())),
        "closing_outcomes": ClosingOutcome.objects.filter(referral__person=person).select_related("referral"),
        "accepted_referrals": person.referrals.filter(decision="accepted"),
        "may_record": has_permission(request.user, Permission.RECORD_OUTCOMES),
    }
    return render_to_string("outcomes/person_section.jinja", context, request)


def family_change(measures: list[FamilyMeasure]) -> dict | None:
    """The start measure, the latest after it, and the change in each score (latest − start)."""
    start = next((m for m in measures if m.point == MeasurePoint.START), None)
    later = [m for m in measures if m is not start and (start is None or m.taken_on >= start.taken_on)]
    if start is None and not later:
        return None
    latest = later[-1] if later else None
    rows = []
    for score in FamilyMeasure.SCORES:
        label = FamilyMeasure._meta.get_field(score).verbose_name
        first = getattr(start, score) if start else None
        last = getattr(latest, score) if latest else None
        change = last - first if first is not None and last is not None else None
        rows.append({"label": label[0].upper() + label[1:], "start": first, "latest": last, "change": change})
    return {"start": start, "latest": latest, "rows": rows, "count": len(measures)}


def timeline_events(request, person) -> list[Event]:
    events = [Event(goal.set_on, "Goal set", goal.description, "", kind="Goals") for goal in person.goals.all()]
    for measure in person.family_measures.all():
        title = f"Family measures: {measure.get_point_display().lower()}"
        events.append(Event(measure.taken_on, title, "", "", kind="Family measures"))
    return events
