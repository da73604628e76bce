from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.figures.census import first_admission_month
from keywork.money import financial_year_of
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.budget_report import budget_report
from keywork.programme.forms import KpiValueForm, MilestoneForm
from keywork.programme.kpi_chart import kpi_chart
from keywork.programme.kpi_series import kpi_series
from keywork.programme.models import Kpi, Milestone
from keywork.programme.risk_map import heat_map
from keywork.register.access import scoped


@permission_required(Permission.VIEW_PROGRAMME)
def overview(request):
    today = timezone.localdate()
    audience = audience_for(request)
    kpis = [
        (kpi, kpi_series(kpi, today.replace(year=today.year - 1, day=1), today, audience.suppressed))
        for kpi in request.service.kpis.prefetch_related("values")
    ]
    return render(
        request,
        "programme/overview.jinja",
        {
            "page_title": "Programme",
            "kpis": kpis,
            "audience": audience,
            "milestones": scoped(request, Milestone),
            "report": budget_report(request.service, financial_year_of(today), today),
            "heat_map": heat_map(request.service.risks.filter(status="open")),
            "may_manage": has_permission(request.user, Permission.MANAGE_PROGRAMME),
        },
    )


@permission_required(Permission.VIEW_PROGRAMME)
def kpi_detail(request, kpi_id):
    kpi = get_object_or_404(scoped(request, Kpi), pk=kpi_id)
    today = timezone.localdate()
    audience = audience_for(request)
    series = kpi_series(kpi, series_start(kpi, today), today, audience.suppressed)
    return render(
        request,
        "programme/kpi.jinja",
        {
            "page_title": kpi.name,
            "kpi": kpi,
            "series": series,
            "audience": audience,
            "may_manage": has_permission(request.user, Permission.MANAGE_PROGRAMME),
            **kpi_chart(request, kpi, series),
        },
    )


@permission_required(Permission.MANAGE_PROGRAMME)
def add_kpi_value(request, kpi_id):
    kpi = get_object_or_404(scoped(request, Kpi), pk=kpi_id)
    form = KpiValueForm(request.POST or None, kpi=kpi)

    def save(actor, form):
        # A second figure for a month corrects the first, as through the API; the audit log keeps both.
        month = form.instance.month.replace(day=1)
        value = kpi.values.filter(month=month).first() or form.instance
        return operations.save(actor, value, month=month, value=form.instance.value, entered_by=actor.user)

    return handle_form(
        request,
        form,
        save,
        "Value saved",
        f"Enter a value: {kpi.name}",
        done_url=kpi_url(kpi),
    )


def series_start(kpi, today):
    """From the KPI's earliest data (the first admission, or the first figure entered), and at least a year."""
    starts = [today.replace(year=today.year - 1, day=1), first_admission_month(kpi.service, today)]
    starts += [value.month for value in kpi.values.all()[:1]]
    return min(starts)


def kpi_url(kpi) -> str:
    return reverse("programme:kpi", args=[kpi.pk])


@permission_required(Permission.MANAGE_PROGRAMME)
def edit_milestone(request, milestone_id=None):
    milestone = get_object_or_404(scoped(request, Milestone), pk=milestone_id) if milestone_id else None
    form = MilestoneForm(request.POST or None, instance=milestone or Milestone(service=request.service))
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance),
        "Milestone saved",
        "Milestone",
        done_url="programme:overview",
    )
