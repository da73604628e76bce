from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.inpatient import operations
from keywork.inpatient.forms import AdmissionForm, DischargeForm, LegalStatusForm
from keywork.inpatient.models import Admission
from keywork.inpatient.schedule import WITHOUT_KEYWORKER, current_inpatients
from keywork.pages import handle_form
from keywork.register.access import paged, people_for, person_for_request, query_without_page, record_for_request
from keywork.register.record_pages import person_url


@permission_required(Permission.RECORD_ADMISSION)
def record_admission(request, person_id):
    person = person_for_request(request, person_id)
    form = AdmissionForm(
        request.POST or None, instance=Admission(person=person), initial={"admitted_on": timezone.localdate()}
    )

    def save(actor, form):
        return operations.record_admission(actor, form.instance, form.cleaned_data["legal_status"]).person

    done = person_url(person, "inpatient", "inpatient")
    return handle_form(
        request, form, save, "Admission recorded: rated blue", "Record an admission", done_url=done, person=person
    )


@permission_required(Permission.RECORD_ADMISSION)
def record_discharge(request, admission_id):
    admission = record_for_request(request, Admission, admission_id)
    form = DischargeForm(request.POST or None, instance=admission, initial={"discharged_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_discharge(actor, f.instance).person,
        "Discharge recorded: rated red",
        "Record the discharge",
        done_url=person_url(admission.person, "inpatient", "inpatient"),
        person=admission.person,
    )


@permission_required(Permission.RECORD_ADMISSION)
def change_legal_status(request, admission_id):
    admission = record_for_request(request, Admission, admission_id)
    form = LegalStatusForm(request.POST or None, admission=admission, initial={"effective_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.change_legal_status(actor, admission, f.instance) and admission.person,
        "Legal status recorded",
        "Change the legal status",
        done_url=person_url(admission.person, "inpatient", "inpatient"),
        person=admission.person,
    )


@permission_required(Permission.VIEW_PEOPLE)
def inpatients(request):
    rows = current_inpatients(people_for(request), request.service, timezone.localdate())
    # Only those flagged "No keyworker" (schedule.without_keyworker_url), where the homes' counts lead.
    without_keyworker = request.GET.get("keyworker") == WITHOUT_KEYWORKER
    if without_keyworker:
        rows = [row for row in rows if not row.has_keyworker]
    page = paged(request, rows, what="current inpatients")
    context = {"page_title": "Current inpatients", "rows": page, "query": query_without_page(request)}
    return render(request, "inpatient/inpatients.jinja", context | {"without_keyworker": without_keyworker})
