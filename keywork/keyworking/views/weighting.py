"""The service's caseload weights and limits (keyworking/weighting.py), set by the programme lead."""

from django.contrib import messages
from django.shortcuts import redirect, render

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.keyworking.forms import CaseloadWeightsForm


# Weights are the service's policy, to be agreed locally (docs/caseload-weighting.md): the lead, who
# runs the programme, sets them; team managers allocate against them.
@permission_required(Permission.MANAGE_PROGRAMME)
def caseload_weights(request):
    form = CaseloadWeightsForm(request.POST or None, instance=request.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        if changes:
            # Figures every allocation warning rests on: who changed them, and to what, is on record.
            audit.record(audit.Actor.from_request(request), Operation.UPDATE, form.instance, changes=changes)
        messages.success(request, "Caseload weights and limits saved")
        return redirect("keyworking:board")
    context = {"form": form, "page_title": "Caseload weights and limits", "submit_text": "Save"}
    return render(request, "keyworking/caseload_weights.jinja", context)
