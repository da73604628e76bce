"""Upload → map the columns → read the report → import. Each step is its own page and works without JavaScript."""

import contextlib

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.imports import columns, importing, refused, synthetic
from keywork.imports.files import UnreadableFile
from keywork.imports.forms import ImportForm, MappingForm, UploadForm
from keywork.imports.models import ImportRun, ImportStatus, SavedMapping
from keywork.register.access import scoped
from keywork.register.models import Person

PROBLEMS_SHOWN = 200  # rows shown on the page; the CSV holds every refused one
EXAMPLE_MISTAKES = {4: "check_digit", 11: "unknown_rating"}


def _run_for(request, run_id) -> ImportRun:
    """A run of this service only: another service's import is not found, whoever asks."""
    return get_object_or_404(scoped(request, ImportRun), pk=run_id)


@permission_required(Permission.IMPORT_REGISTER)
def start(request):
    form = UploadForm(request.POST or None, request.FILES or None, service=request.service)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = importing.upload(audit.Actor.from_request(request), upload.name, upload.read())
        except UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            saved = form.cleaned_data["saved_mapping"]
            if saved:
                run.mapping = saved.columns
                run.save(update_fields=["mapping"])
            return redirect(run)
    recent = scoped(request, ImportRun).select_related("uploaded_by")[:10]
    context = {"form": form, "recent": recent, "page_title": "Import a spreadsheet", "submit_text": "Upload"}
    return render(request, "imports/start.jinja", context)


@permission_required(Permission.IMPORT_REGISTER)
def mapping(request, run_id):
    run = _run_for(request, run_id)
    try:
        table = importing.table_of(run)
    except importing.ImportRefused:
        return redirect("imports:report", run.pk)  # which says the file is no longer kept
    initial = run.mapping or columns.guess(table.headings)
    form = MappingForm(request.POST or None, headings=table.headings, mapping=initial, samples=table.rows[0])
    if request.method == "POST" and form.is_valid():
        chosen = form.mapping()
        for problem in columns.mapping_problems(chosen):
            form.add_error(None, problem)
        if not form.errors:
            actor = audit.Actor.from_request(request)
            if form.cleaned_data["save_as"]:
                _save_mapping(request, form.cleaned_data["save_as"], chosen)
            # Imported or removed meanwhile: the report page says which.
            with contextlib.suppress(importing.ImportRefused):
                importing.check_run(actor, run, chosen)
            return redirect("imports:report", run.pk)
    context = {"form": form, "run": run, "page_title": "Choose what each column holds", "submit_text": "Check the file"}
    return render(request, "imports/mapping.jinja", context)


def _save_mapping(request, name: str, chosen: dict) -> None:
    scoped(request, SavedMapping).update_or_create(
        service=request.service, name=name, defaults={"columns": chosen, "saved_by": request.user}
    )
    messages.success(request, f"Mapping saved as '{name}'")


@permission_required(Permission.IMPORT_REGISTER)
def report(request, run_id):
    run = _run_for(request, run_id)
    if run.status == ImportStatus.UPLOADED:
        return redirect(run)
    return _report_page(request, run, ImportForm())


def _report_page(request, run, form, status=200):
    updates = run.updates[:PROBLEMS_SHOWN]
    if updates:
        # The page names people already on the register: each one shown is a read of their record.
        shown = scoped(request, Person).filter(nhs_number__in=[update[1] for update in updates])
        audit.record_bulk(
            audit.Actor.from_request(request), Operation.VIEW, [(p, p.pk, {"import": run.pk}) for p in shown]
        )
    context = {
        "run": run,
        "form": form,
        "problems": run.problems[:PROBLEMS_SHOWN],
        "updates": updates,
        "earlier": run.imports_of_same_file().last(),
        "page_title": "Check the report" if run.status == ImportStatus.CHECKED else "Import finished",
        "mapped": [(heading, columns.BY_KEY[key].label) for heading, key in run.mapping.items()],
    }
    return render(request, "imports/report.jinja", context, status=status)


@permission_required(Permission.IMPORT_REGISTER)
def run_import(request, run_id):
    """POST imports; a GET (a refreshed or bookmarked address) shows the report instead."""
    run = _run_for(request, run_id)
    if request.method != "POST":
        return report(request, run_id)
    form = ImportForm(request.POST)
    form.is_valid()
    try:
        result = importing.import_run(
            audit.Actor.from_request(request), run, accept_refused=form.cleaned_data.get("accept_refused", False)
        )
    except importing.ImportRefused as refusal:
        form.add_error("accept_refused" if run.refused_rows else None, str(refusal))
        run.refresh_from_db()
        return _report_page(request, run, form, status=400)
    messages.success(
        request, f"Imported: {result.count('new')} new people, {result.count('updated')} updated, nothing else changed"
    )
    return redirect("imports:report", run.pk)


@permission_required(Permission.IMPORT_REGISTER)
def problems_csv(request, run_id):
    """Every refused cell, as CSV. Cells are the file's own words, so each is neutralised against
    formula injection before a coordinator opens it in Excel."""
    run = _run_for(request, run_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{run.pk}-refused-rows.csv"'
    refused.write_csv(response, run.problems)
    audit.record(audit.Actor.from_request(request), Operation.EXPORT, run, changes={"refused_rows": len(run.problems)})
    return response


@permission_required(Permission.IMPORT_REGISTER)
def example(request):
    """A spreadsheet of fictitious people laid out as services keep theirs, with two mistakes to show the report."""
    rows = synthetic.spreadsheet_rows(request.service, 25, seed=timezone.now().toordinal(), today=timezone.localdate())
    synthetic.add_mistakes(rows, EXAMPLE_MISTAKES)
    response = HttpResponse(
        synthetic.as_xlsx(rows), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="example-dsr-spreadsheet.xlsx"'
    return response
