from django.http import Http404
from django.utils import timezone

from keywork.accounts.permissions import Permission, may_read_restricted_notes, permission_required
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request
from keywork.register.record_pages import person_url
from keywork.safeguarding import operations
from keywork.safeguarding.forms import ConcernForm, OutcomeForm, StatusForm
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus

SECTION = "safeguarding"


@permission_required(Permission.EDIT_PERSON)
def add_status(request, person_id):
    person = person_for_request(request, person_id)
    initial = {"starts_on": timezone.localdate(), "local_authority": person.local_authority}
    form = StatusForm(request.POST or None, instance=SafeguardingStatus(person=person), initial=initial)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_status(actor, f.instance).person,
        lambda f: f"{f.instance.get_kind_display()} status recorded",
        "Add a safeguarding status",
        done_url=person_url(person, SECTION, "statuses"),
        person=person,
    )


@permission_required(Permission.EDIT_PERSON)
def edit_status(request, status_id):
    status = record_for_request(request, SafeguardingStatus, status_id)
    form = StatusForm(request.POST or None, instance=status)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.update_status(actor, f.instance, f.cleaned_data["version"]).person,
        lambda f: f"{f.instance.get_kind_display()} status saved",
        "Change a safeguarding status",
        done_url=person_url(status.person, SECTION, "statuses"),
        person=status.person,
    )


@permission_required(Permission.RAISE_SAFEGUARDING_CONCERN)
def raise_concern(request, person_id):
    person = person_for_request(request, person_id)
    concern = SafeguardingConcern(person=person)
    form = ConcernForm(request.POST or None, instance=concern, initial={"raised_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.raise_concern(actor, f.instance).person,
        "Safeguarding concern recorded",
        "Raise a safeguarding concern",
        done_url=person_url(person, SECTION, "concerns"),
        person=person,
    )


@permission_required(Permission.RECORD_CONTACT)
def record_outcome(request, concern_id):
    concern = record_for_request(request, SafeguardingConcern, concern_id)
    if not may_read_restricted_notes(request.user, concern.person):
        # Hidden from those who may not read the person's restricted notes, as if it did not exist.
        raise Http404("Concern not found")
    form = OutcomeForm(request.POST or None, instance=concern)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_outcome(actor, f.instance, f.cleaned_data["version"]).person,
        "Outcome and follow-up saved",
        "Record the outcome",
        done_url=person_url(concern.person, SECTION, "concerns"),
        person=concern.person,
    )
