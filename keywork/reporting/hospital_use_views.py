"""Hospital use and its cost (figures: keywork/figures/hospital.py), and the service's bed-day cost
that the estimate of the cost avoided needs."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import Operation
from keywork.dbrouter import reporting_reads
from keywork.figures import hospital
from keywork.money import pounds
from keywork.reporting.hospital_use import hospital_use_page
from keywork.reporting.hospital_use_forms import BedDayCostForm


@permission_required(Permission.VIEW_AGGREGATES)
def hospital_use(request):
    audience = audience_for(request)
    with reporting_reads():
        figures = hospital_use_page(request.service, timezone.localdate(), audience.suppressed)
    context = {
        "page_title": "Hospital use and its cost",
        "figures": figures,
        "audience": audience,
        "definitions": hospital,
        "may_set_cost": has_permission(request.user, Permission.MANAGE_PROGRAMME),
    }
    return render(request, "reporting/hospital_use.jinja", context)


# The programme lead runs the programme's budget (domain.md), so sets what a bed day costs it.
@permission_required(Permission.MANAGE_PROGRAMME)
def bed_day_cost(request):
    before = request.service.bed_day_cost_pence
    form = BedDayCostForm(request.POST or None, instance=request.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        cost = form.instance.bed_day_cost_pence
        if cost != before:
            # A figure the service's estimates rest on: who changed it, and to what, is on record.
            actor = audit.Actor.from_request(request)
            audit.record(actor, Operation.UPDATE, form.instance, changes={"bed_day_cost_pence": cost})
        messages.success(
            request,
            f"Bed-day cost set to {pounds(cost)}" if cost else "Bed-day cost removed: no cost avoided is estimated",
        )
        return redirect("reporting:hospital_use")
    context = {"form": form, "page_title": "Bed-day cost", "submit_text": "Save"}
    return render(request, "reporting/bed_day_cost.jinja", context)
