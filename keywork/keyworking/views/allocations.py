from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.board import allocation_board
from keywork.keyworking.forms import AllocationForm, EndAllocationForm
from keywork.keyworking.models import Allocation
from keywork.keyworking.views.returning import next_path
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request
from keywork.register.choices import Rating
from keywork.register.record_pages import person_url


@permission_required(Permission.ALLOCATE)
def allocate(request, person_id):
    person = person_for_request(request, person_id)
    back = next_path(request, reverse("keyworking:board"))
    form = AllocationForm(request.POST or None, person=person, initial={"starts_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.allocate(actor, f.instance),
        # Named once the form is valid, when the worker chosen is known.
        lazy(lambda: allocated_message(form.instance), str)(),
        "Allocate a keyworker",
        done_url=back,
        template="keyworking/allocate.jinja",
        person=person,
        candidates=form.candidates,
        limit=person.service.caseload_limit,
        weighted_limit=person.service.weighted_caseload_limit,
        ratings=Rating,
        next=back,
        back_url=back,
        submit_text="Allocate",
    )


def allocated_message(allocation) -> str:
    worker_type = allocation.get_worker_type_display()
    return f"{allocation.worker.display_name} allocated to {allocation.person.full_name} as their {worker_type}"


@permission_required(Permission.ALLOCATE)
def end_allocation(request, allocation_id):
    allocation = record_for_request(request, Allocation, allocation_id)
    form = EndAllocationForm(request.POST or None, allocation=allocation, initial={"ends_on": timezone.localdate()})

    def save(actor, form):
        operations.end_allocation(actor, allocation, form.cleaned_data["ends_on"], form.cleaned_data["end_reason"])
        return allocation.person

    done = person_url(allocation.person, "keywork", "workers")
    ended = f"{allocation.worker.display_name}'s allocation as {allocation.get_worker_type_display()} ended"
    return handle_form(request, form, save, ended, "End the allocation", done_url=done, person=allocation.person)


@permission_required(Permission.ALLOCATE)
def board(request):
    return render(request, "keyworking/board.jinja", {"page_title": "Allocation board", **allocation_board(request)})
