"""Adding and changing where a person lives, and recording a placement breakdown: each page names
its permission and saves through keywork.audit.saving, which audits it."""

from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_form
from keywork.pages import handle_form
from keywork.placements.forms import BreakdownForm, PlacementForm
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.register.access import person_for_request, record_for_request
from keywork.register.record_pages import person_url


def _form_page(request, form_class, record, person, success, title):
    form = form_class(request.POST or None, instance=record, person=person)
    done = person_url(person, "education", "living-situation")
    return handle_form(request, form, save_form, success, title, done_url=done, person=person)


@permission_required(Permission.EDIT_PERSON)
def add_placement(request, person_id):
    person = person_for_request(request, person_id)
    return _form_page(request, PlacementForm, None, person, "Living situation added", "Add where they live")


@permission_required(Permission.EDIT_PERSON)
def edit_placement(request, placement_id):
    placement = record_for_request(request, Placement, placement_id)
    title = "Change where they live"
    return _form_page(request, PlacementForm, placement, placement.person, "Living situation updated", title)


@permission_required(Permission.EDIT_PERSON)
def add_breakdown(request, person_id):
    person = person_for_request(request, person_id)
    title = "Record a placement breakdown"
    return _form_page(request, BreakdownForm, None, person, "Placement breakdown recorded", title)


@permission_required(Permission.EDIT_PERSON)
def edit_breakdown(request, breakdown_id):
    breakdown = record_for_request(request, PlacementBreakdown, breakdown_id)
    title = "Change the placement breakdown"
    return _form_page(request, BreakdownForm, breakdown, breakdown.person, "Placement breakdown updated", title)
