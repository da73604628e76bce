from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.forms import MitigationForm, RiskForm, RiskReviewForm
from keywork.programme.models import Risk
from keywork.programme.risk_map import heat_map
from keywork.register.access import scoped


@permission_required(Permission.VIEW_PROGRAMME)
def risks(request):
    register = scoped(request, Risk)
    open_risks = [risk for risk in register if risk.status == Risk.Status.OPEN]
    return render(
        request,
        "programme/risks.jinja",
        {
            "page_title": "Risk register",
            "risks": sorted(open_risks, key=lambda r: -r.score),
            "closed": [risk for risk in register if risk.status == Risk.Status.CLOSED],
            "heat_map": heat_map(open_risks),
            "overdue": [risk for risk in open_risks if risk.is_review_overdue],
            "may_manage": has_permission(request.user, Permission.MANAGE_PROGRAMME),
        },
    )


@permission_required(Permission.VIEW_PROGRAMME)
def risk_detail(request, risk_id):
    risk = get_object_or_404(scoped(request, Risk), pk=risk_id)
    return render(
        request,
        "programme/risk.jinja",
        {
            "page_title": risk.title,
            "risk": risk,
            "reviews": risk.reviews.select_related("reviewed_by"),
            "mitigations": risk.mitigations.all(),
            "may_manage": has_permission(request.user, Permission.MANAGE_PROGRAMME),
        },
    )


@permission_required(Permission.MANAGE_PROGRAMME)
def add_risk(request):
    form = RiskForm(request.POST or None, instance=Risk(service=request.service))
    return handle_form(request, form, lambda actor, f: operations.save(actor, f.instance), "Risk added", "Add a risk")


@permission_required(Permission.MANAGE_PROGRAMME)
def review_risk(request, risk_id):
    risk = get_object_or_404(scoped(request, Risk), pk=risk_id)
    initial = {"reviewed_on": timezone.localdate(), "likelihood": risk.likelihood, "impact": risk.impact}
    form = RiskReviewForm(request.POST or None, instance=None, initial=initial)

    def save(actor, form):
        # The review keeps the scores it found; the risk takes them on as its current scores.
        operations.save(actor, form.instance, risk=risk, reviewed_by=actor.user)
        return operations.save(
            actor,
            risk,
            likelihood=form.instance.likelihood,
            impact=form.instance.impact,
            review_due_on=form.cleaned_data["next_review_due_on"],
        )

    return handle_form(request, form, save, "Risk reviewed", f"Review: {risk.title}")


@permission_required(Permission.MANAGE_PROGRAMME)
def add_mitigation(request, risk_id):
    risk = get_object_or_404(scoped(request, Risk), pk=risk_id)
    form = MitigationForm(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance, risk=risk) and risk,
        "Mitigation added",
        f"Add a mitigation: {risk.title}",
    )
