"""Adding and changing a person's education records: each page names its permission and saves
through keywork.audit.saving, which audits it."""

from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_form
from keywork.education.forms import EducationEventForm, EducationSettingForm, EhcpForm
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request, scoped
from keywork.register.record_pages import person_url


def _form_page(request, form_class, record, person, success, title):
    form = form_class(request.POST or None, instance=record, person=person)
    done = person_url(person, "education", "education")
    return handle_form(request, form, save_form, success, title, done_url=done, person=person)


@permission_required(Permission.EDIT_PERSON)
def add_setting(request, person_id):
    person = person_for_request(request, person_id)
    title = "Add an education setting"
    return _form_page(request, EducationSettingForm, None, person, "Education setting added", title)


@permission_required(Permission.EDIT_PERSON)
def edit_setting(request, setting_id):
    setting = record_for_request(request, EducationSetting, setting_id)
    title = "Change the education setting"
    return _form_page(request, EducationSettingForm, setting, setting.person, "Education setting updated", title)


@permission_required(Permission.EDIT_PERSON)
def ehcp(request, person_id):
    person = person_for_request(request, person_id)
    record = scoped(request, Ehcp, person.pk).first()
    title = "Education, Health and Care Plan"
    return _form_page(request, EhcpForm, record, person, "EHCP updated", title)


@permission_required(Permission.EDIT_PERSON)
def add_event(request, person_id):
    person = person_for_request(request, person_id)
    title = "Record an exclusion, part-time timetable or attendance concern"
    return _form_page(request, EducationEventForm, None, person, _event_saved("recorded"), title)


@permission_required(Permission.EDIT_PERSON)
def edit_event(request, event_id):
    event = record_for_request(request, EducationEvent, event_id)
    title = f"Change the {event.get_kind_display().lower()}"
    return _form_page(request, EducationEventForm, event, event.person, _event_saved("updated"), title)


def _event_saved(done: str):
    """The banner names what was saved: "Part-time timetable recorded"."""
    return lambda form: f"{form.instance.get_kind_display()} {done}"
