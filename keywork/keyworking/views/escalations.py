from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import EscalationForm, EscalationResponseForm
from keywork.keyworking.models import Escalation
from keywork.pages import handle_form
from keywork.register.access import (
    paged,
    person_for_request,
    query_without_page,
    record_for_request,
    scoped,
)
from keywork.register.record_pages import person_url


@permission_required(Permission.RECORD_ESCALATION)
def add_escalation(request, person_id):
    person = person_for_request(request, person_id)
    form = EscalationForm(request.POST or None, initial={"escalated_on": timezone.localdate()})

    def save(actor, form):
        form.instance.person = person
        return operations.record_escalation(actor, form.instance).person

    done = person_url(person, "keywork", "escalations")
    return handle_form(request, form, save, "Escalation recorded", "Escalate an issue", done_url=done, person=person)


@permission_required(Permission.RECORD_ESCALATION)
def respond_to_escalation(request, escalation_id):
    escalation = record_for_request(request, Escalation, escalation_id)
    form = EscalationResponseForm(request.POST or None, instance=escalation)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.update_escalation(actor, f.instance, f.cleaned_data["version"]).person,
        f"Response from {escalation.escalated_to} recorded",
        "Record the response",
        done_url=person_url(escalation.person, "keywork", "escalations"),
        person=escalation.person,
    )


@permission_required(Permission.VIEW_PEOPLE)
def open_escalations(request):
    escalations = scoped(request, Escalation).open().select_related("person").order_by("response_due_on", "pk")
    page = paged(request, escalations, what="open escalations")
    return render(
        request,
        "keyworking/escalations.jinja",
        {"page_title": "Open escalations", "escalations": page, "query": query_without_page(request)},
    )
