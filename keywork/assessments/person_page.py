"""What assessments add to a person's record: a short list on the reviews sub-page (beside the C(E)TRs,
whose recommendations are tracked as actions too), each linking to its own page, and events on the
timeline."""

from django.db.models import Count, Q
from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.timeline import Event
from keywork.reviews.choices import ActionStatus

RECENT_ASSESSMENTS = 3
KIND = "Assessments"


def assessments_section(request, person) -> str:
    open_actions = Count("actions", filter=Q(actions__status=ActionStatus.OPEN))
    assessments = list(person.assessments.select_related("assessor_staff").annotate(open_actions=open_actions))
    context = {
        "person": person,
        "recent": assessments[:RECENT_ASSESSMENTS],
        "earlier": assessments[RECENT_ASSESSMENTS:],
        "may_record": has_permission(request.user, Permission.RECORD_ASSESSMENT),
    }
    return render_to_string("assessments/person_section.jinja", context, request)


def timeline_events(request, person) -> list[Event]:
    return [
        Event(
            assessment.assessed_on,
            assessment.name,
            assessment.assessor_display,
            assessment.recorded_by.display_name,
            kind=KIND,
        )
        for assessment in person.assessments.select_related("assessor_staff", "recorded_by")
    ]
