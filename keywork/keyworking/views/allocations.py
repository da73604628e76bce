from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.board import allocation_board
from keywork.keyworking.forms import AllocationForm, EndAllocationForm
from keywork.keyworking.models import Allocation
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request


@permission_required(Permission.ALLOCATE)
def allocate(request, person_id):
    person = person_for_request(request, person_id)
    form = AllocationForm(request.POST or None, person=person, initial={"starts_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.allocate(actor, f.instance).person,
        "Worker allocated",
        "Allocate a worker",
        person=person,
        submit_text="Allocate",
    )


@permission_required(Permission.ALLOCATE)
def end_allocation(request, allocation_id):
    allocation = record_for_request(request, Allocation, allocation_id)
    form = EndAllocationForm(request.POST or None, allocation=allocation, initial={"ends_on": timezone.localdate()})

    def save(actor, form):
        operations.end_allocation(actor, allocation, form.cleaned_data["ends_on"], form.cleaned_data["end_reason"])
        return allocation.person

    return handle_form(request, form, save, "Allocation ended", "End the allocation", person=allocation.person)


@permission_required(Permission.ALLOCATE)
def board(request):
    return render(request, "keyworking/board.jinja", {"page_title": "Allocation board", **allocation_board(request)})
