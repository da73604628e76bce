"""What the tool adds to a person's record: a short section on the details sub-page (the latest
assessment and a link to rate again) and a timeline entry per assessment."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.timeline import Event

KIND = "Decision support tool"


def section(request, person) -> str:
    context = {
        "person": person,
        "latest": person.rating_assessments.first(),
        "may_rate": has_permission(request.user, Permission.CHANGE_RATING),
    }
    return render_to_string("decisionsupport/person_section.jinja", context, request)


def timeline_events(request, person) -> list[Event]:
    events = []
    for assessment in person.rating_assessments.select_related("recorded_by"):
        suggested = assessment.suggested_rating or "nothing (in hospital)"
        title = f"Decision support tool: score {assessment.score} of {assessment.highest_score}"
        detail = f"Suggested {suggested}, rated {assessment.chosen_rating}"
        if assessment.differs:
            detail += f": {assessment.override_reason}"
        by = assessment.recorded_by.display_name
        events.append(Event(assessment.assessed_on, title, detail, by, assessment.chosen_rating, kind=KIND))
    return events
