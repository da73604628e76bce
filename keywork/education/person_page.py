"""What education adds to a person's details: their EHCP, where they learn now and before, and
exclusions, part-time timetables and attendance concerns, with links to record each for those allowed."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.education.models import Ehcp
from keywork.personrecord import Alert
from keywork.register.timeline import Event


def education_section(request, person) -> str:
    context = {
        "person": person,
        "ehcp": Ehcp.objects.filter(person=person).first(),
        "settings": person.education_settings.all(),
        "events": person.education_events.all(),
        "today": timezone.localdate(),
        "may_edit": has_permission(request.user, Permission.EDIT_PERSON),
    }
    return render_to_string("education/person_section.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    ehcp = Ehcp.objects.filter(person=person).first()
    if ehcp and ehcp.annual_review_overdue(timezone.localdate()):
        return [Alert("EHCP review overdue", "orange")]
    return []


def timeline_events(request, person) -> list[Event]:
    events = [
        Event(setting.starts_on, f"Started at {setting}", setting.get_setting_type_display(), "", kind="Education")
        for setting in person.education_settings.all()
    ]
    events += [
        Event(event.starts_on, event.get_kind_display(), event.notes, "", kind="Education")
        for event in person.education_events.all()
    ]
    return events
