"""Dashboards, the quarterly return and exports. Counts are shown as their audience may see them
(keywork/accounts/audience.py); every file downloaded is audited."""

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import Operation
from keywork.charts.plot import Series, line_chart
from keywork.charts.spc_chart import assurance, spc_chart, variation
from keywork.dbrouter import reporting_reads
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.step_change import month_choices, step_change
from keywork.register import withdrawal
from keywork.register.access import people_for, scoped
from keywork.reporting import exports, return_workbook
from keywork.reporting.dashboard import dashboard as dashboard_figures
from keywork.reporting.forms import NarrativeForm
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.quarterly import published_tables, quarterly_return
from keywork.reporting.quarters import Quarter, recent_quarters
from keywork.reporting.return_checks import return_problems
from keywork.reporting.rollup import rolled_up_return

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@permission_required(Permission.VIEW_AGGREGATES)
def dashboard(request):
    today = timezone.localdate()
    step = step_change(request, request.service)
    audience = audience_for(request)
    suppressed = audience.suppressed
    with reporting_reads():
        figures = dashboard_figures(request.service, today, suppressed, step.month)
    spc = figures["inpatients"]
    chart_svgs = {
        "register": line_chart(
            "People on the register by rating, each month",
            "register",
            figures["labels"],
            [Series(r.capitalize(), r, _plotted(counts)) for r, counts in figures["register"].items()],
            "People",
        ),
        "inpatients": spc_chart("People in hospital", "inpatients", figures["inpatient_labels"], spc, "People")
        if spc
        else "",
        "flow": line_chart(
            "Referrals received and keyworkers allocated each month",
            "flow",
            figures["labels"],
            [
                Series("Referrals", "blue", _plotted(figures["referrals"])),
                Series("Allocations", "green", _plotted(figures["allocations"])),
            ],
            "People",
        ),
    }
    return render(
        request,
        "reporting/dashboard.jinja",
        {
            "page_title": "Programme dashboard",
            "f": figures,
            "charts": chart_svgs,
            "suppressed": suppressed,
            "audience": audience,
            "step": step,
            "months": month_choices(figures["inpatient_months"]),
            "verdicts": [("Variation", variation(spc)), ("Assurance", assurance(spc))] if spc else [],
        },
    )


def _plotted(counts) -> list:
    """Hidden counts are left out of a chart rather than drawn."""
    return [n if isinstance(n, int) else None for n in counts]


def _chosen_quarter(request, today) -> tuple[Quarter, str | None]:
    code = request.GET.get("quarter")
    if not code:
        return Quarter.containing(today).previous(), None
    try:
        return Quarter.parse(code, today), None
    except ValidationError as error:
        return Quarter.containing(today).previous(), error.message_dict["quarter"][0]


@permission_required(Permission.VIEW_AGGREGATES)
def quarterly(request):
    today = timezone.localdate()
    quarter, error = _chosen_quarter(request, today)
    audience = audience_for(request)
    with reporting_reads():
        report = quarterly_return(request.service, quarter, today)
        tables = published_tables(report, audience.suppressed)
    return render(
        request,
        "reporting/quarterly.jinja",
        {
            "page_title": f"Quarterly return {quarter.label}",
            "report": report,
            "quarter": quarter,
            "error": error,
            "audience": audience,
            "files_suppressed": files_suppressed(request.service, audience),
            "sections": exports.return_sections(report, tables),
            # Each problem links to where it is fixed only for those allowed to fix it there.
            "problems": [(p, has_permission(request.user, p.permission)) for p in return_problems(report)],
            "quarters": recent_quarters(first_referral(request.service, today), today),
            "may_write": has_permission(request.user, Permission.MANAGE_PROGRAMME),
        },
    )


def first_referral(service, today):
    return service.people.aggregate(first=Min("referral_date"))["first"] or today


def files_suppressed(service, audience) -> bool:
    """The return goes to NHS England through a secure collection, not publication: its files carry
    true counts for staff, unless the service hides small numbers in them too or they asked for the
    files as they will be published; anyone else gets them as published."""
    return audience.suppressed or service.return_files_suppressed


@permission_required(Permission.VIEW_AGGREGATES)
def quarterly_file(request, file_format):
    today = timezone.localdate()
    quarter, _ = _chosen_quarter(request, today)
    suppressed = files_suppressed(request.service, audience_for(request))
    with reporting_reads():
        report = quarterly_return(request.service, quarter, today)
        tables = published_tables(report, suppressed)
    audit.record(
        audit.Actor.from_request(request),
        Operation.EXPORT,
        request.service,
        changes={"quarterly_return": quarter.code, "format": file_format, "suppressed": suppressed},
    )
    name = f"keywork-return-{request.service.slug}-{quarter.code}"
    problems = return_problems(report)
    if file_format == "xlsx":
        body, content_type = return_workbook.return_xlsx(report, tables, problems, suppressed), XLSX
    else:
        body, content_type = exports.return_pdf(report, tables, problems), "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@permission_required(Permission.EXPORT_REGISTER)
def register_export(request, file_format):
    """The register of the user's service, audited as one export of so many people; without those
    whose withdrawn consent removes them, and marking those it keeps (register/withdrawal.py)."""
    people = withdrawal.for_register_export(people_for(request)).order_by("family_name", "given_name", "id")
    audit.record(
        audit.Actor.from_request(request),
        Operation.EXPORT,
        request.service,
        changes={"register_export": file_format, "people": people.count()},
    )
    name = f"keywork-register-{request.service.slug}-{timezone.localdate().isoformat()}"
    if file_format == "csv":
        response = StreamingHttpResponse(exports.register_csv_stream(people), content_type="text/csv")
    else:
        response = HttpResponse(exports.register_xlsx(people), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@permission_required(Permission.VIEW_REGIONAL)
def regional(request):
    today = timezone.localdate()
    quarter, error = _chosen_quarter(request, today)
    return render(
        request,
        "reporting/regional.jinja",
        {
            "page_title": f"All services: quarterly return {quarter.label}",
            "quarter": quarter,
            "error": error,
            **rolled_up_return(quarter, today),
        },
    )


@permission_required(Permission.MANAGE_PROGRAMME)
def write_narrative(request):
    today = timezone.localdate()
    quarter, error = _chosen_quarter(request, today)
    if error:
        raise Http404(error)
    narrative = scoped(request, QuarterNarrative).filter(quarter=quarter.code).first()
    blank = QuarterNarrative(service=request.service, quarter=quarter.code)
    form = NarrativeForm(request.POST or None, instance=narrative or blank)
    done = reverse("reporting:quarterly") + f"?quarter={quarter.code}"
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance, written_by=actor.user) and done,
        "Saved for the return",
        f"Improvement and challenges, {quarter.label}",
        back_url=done,
    )
