"""Equality: the register, keywork, admissions and keywork closed in a quarter by ethnic group, sex,
age band and local authority (figures: keywork/figures/equality.py), for the programme's equality
impact assessment. Who sees true counts is the audience's rule (keywork/accounts/audience.py)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.dbrouter import reporting_reads
from keywork.register.access import people_for
from keywork.reporting.equality import equality_csv, equality_report
from keywork.reporting.quarters import recent_quarters
from keywork.reporting.views import _chosen_quarter, first_referral


def _report(request, audience):
    today = timezone.localdate()
    quarter, error = _chosen_quarter(request, today)
    with reporting_reads():
        report = equality_report(people_for(request), request.service, quarter, today, audience.suppressed)
    return report, error


@permission_required(Permission.VIEW_AGGREGATES)
def equality(request):
    audience = audience_for(request)
    report, error = _report(request, audience)
    today = timezone.localdate()
    context = {
        "page_title": f"Equality {report.quarter.label}",
        "report": report,
        "error": error,
        "audience": audience,
        "quarters": recent_quarters(first_referral(request.service, today), today),
    }
    return render(request, "reporting/equality.jinja", context)


@permission_required(Permission.VIEW_AGGREGATES)
def equality_file(request):
    """The page's tables as CSV, suppressed as the page shows them, audited as an export."""
    audience = audience_for(request)
    report, _ = _report(request, audience)
    audit.record(
        audit.Actor.from_request(request),
        Operation.EXPORT,
        request.service,
        changes={"equality": report.quarter.code, "suppressed": audience.suppressed},
    )
    name = f"keywork-equality-{request.service.slug}-{report.quarter.code}"
    response = HttpResponse(equality_csv(report, audience.rule), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response
