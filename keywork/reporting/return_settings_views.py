"""The quarterly return's settings, kept by the programme lead: the ODS code it is submitted under,
and whether its files hide small numbers (reporting.views.files_suppressed)."""

from django.contrib import messages
from django.shortcuts import redirect, render

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.reporting.return_settings_forms import ReturnSettingsForm

SETTINGS = ("ods_code", "return_files_suppressed")


# The programme lead submits the return (domain.md), so decides what its files carry.
@permission_required(Permission.MANAGE_PROGRAMME)
def return_settings(request):
    before = {name: getattr(request.service, name) for name in SETTINGS}
    form = ReturnSettingsForm(request.POST or None, instance=request.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        after = {name: getattr(form.instance, name) for name in SETTINGS}
        changes = {name: value for name, value in after.items() if value != before[name]}
        if changes:
            # What the return's files carry, and under which code: who changed it, and to what, is on record.
            audit.record(audit.Actor.from_request(request), Operation.UPDATE, form.instance, changes=changes)
        hidden = "hide small numbers" if form.instance.return_files_suppressed else "carry the true counts"
        messages.success(request, f"Return settings saved: the return's files {hidden}")
        return redirect("reporting:quarterly")
    context = {"form": form, "page_title": "Quarterly return settings", "submit_text": "Save"}
    return render(request, "reporting/return_settings.jinja", context)
