"""Programme API routes: the same permissions, rules, operations and audit as the pages."""

import datetime
from dataclasses import asdict

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.datebounds import FIRST_FINANCIAL_YEAR, LAST_FINANCIAL_YEAR, in_era
from keywork.money import financial_year_of
from keywork.programme import operations
from keywork.programme.budget_report import budget_report
from keywork.programme.kpi_series import kpi_series
from keywork.programme.models import (
    BudgetLine,
    Expenditure,
    Feedback,
    FoiRequest,
    Kpi,
    KpiValue,
    Milestone,
    Risk,
    RiskReview,
)
from keywork.programme.schemas import (
    BudgetOut,
    ExpenditureIn,
    ExpenditureOut,
    FeedbackIn,
    FeedbackOut,
    FoiIn,
    FoiOut,
    KpiOut,
    KpiPointOut,
    KpiValueIn,
    MilestoneIn,
    MilestoneOut,
    RiskIn,
    RiskOut,
    RiskReviewIn,
    WorkforceOut,
)
from keywork.programme.workforce import workforce_on
from keywork.register.access import scoped
from keywork.schemas import Page

router = Router(tags=["Programme management"])


def _saved(request, record, **attributes):
    record.full_clean()
    return operations.save(audit.Actor.from_request(request), record, **attributes)


@router.get("/kpis", response=list[KpiOut])
@permission_required(Permission.VIEW_PROGRAMME)
def list_kpis(request, page: Query[Page]):
    return page.of(scoped(request, Kpi))


@router.get("/kpis/{int:kpi_id}/series", response=list[KpiPointOut])
@permission_required(Permission.VIEW_PROGRAMME)
def kpi_values(request, kpi_id: int, start: datetime.date):
    kpi = get_object_or_404(scoped(request, Kpi), pk=kpi_id)
    today = timezone.localdate()
    # A series runs from a month in the service's era up to now: not from the year 1 (24,000
    # months to work out), nor from a month still to come.
    errors = {}
    in_era(errors, "start", start, "The start date")
    if start > today:
        errors.setdefault("start", "The start date must be today or in the past")
    if errors:
        raise ValidationError(errors)
    audience = audience_for(request)
    rule = audience.rule if audience.suppressed else None
    return [asdict(point) | {"suppression_rule": rule} for point in kpi_series(kpi, start, today, audience.suppressed)]


@router.post("/kpis/{int:kpi_id}/values", response={201: KpiPointOut})
@permission_required(Permission.MANAGE_PROGRAMME)
def add_kpi_value(request, kpi_id: int, payload: KpiValueIn):
    kpi = get_object_or_404(scoped(request, Kpi), pk=kpi_id)
    month = payload.month.replace(day=1)
    # A corrected figure replaces the month's (the audit log keeps the change).
    value = kpi.values.filter(month=month).first() or KpiValue(kpi=kpi, month=month)
    value.value, value.entered_by = payload.value, request.user
    value.full_clean(validate_constraints=False)
    saved = operations.save(audit.Actor.from_request(request), value)
    return Status(201, {"month": saved.month, "value": saved.value, "on_track": kpi.on_track(saved.value)})


@router.get("/milestones", response=list[MilestoneOut])
@permission_required(Permission.VIEW_PROGRAMME)
def list_milestones(request, page: Query[Page]):
    return page.of(scoped(request, Milestone))


@router.post("/milestones", response={201: MilestoneOut})
@permission_required(Permission.MANAGE_PROGRAMME)
def add_milestone(request, payload: MilestoneIn):
    return Status(201, _saved(request, Milestone(service=request.service, **payload.dict())))


@router.get("/budget", response=BudgetOut)
@permission_required(Permission.VIEW_PROGRAMME)
def budget(request, financial_year: int | None = Query(None, ge=FIRST_FINANCIAL_YEAR, le=LAST_FINANCIAL_YEAR)):
    today = timezone.localdate()
    report = budget_report(request.service, financial_year or financial_year_of(today), today)
    return {
        "financial_year": report.financial_year,
        "funding_pence": report.funding,
        "budget_pence": report.budget,
        "budget_to_date_pence": report.budget_to_date,
        "actual_to_date_pence": report.actual_to_date,
        "variance_pence": report.variance,
        "variance_percent": report.variance_percent,
        "forecast_pence": report.forecast,
        "lines": [
            {
                "id": line.line.pk,
                "name": line.line.name,
                "category": line.line.category,
                "budget_pence": line.line.annual_pence,
                "budget_to_date_pence": line.budget_to_date,
                "actual_to_date_pence": line.actual_to_date,
                "variance_pence": line.variance,
                "variance_percent": line.variance_percent,
                "forecast_pence": line.forecast,
                "outside_tolerance": line.outside_tolerance,
            }
            for line in report.lines
        ],
    }


@router.post("/expenditure", response={201: ExpenditureOut})
@permission_required(Permission.MANAGE_PROGRAMME)
def add_expenditure(request, payload: ExpenditureIn):
    line = scoped(request, BudgetLine).filter(pk=payload.line_id).first()
    if line is None:
        raise ValidationError({"line_id": "No budget line with this id in your service"})
    entry = Expenditure(line=line, **payload.dict(exclude={"line_id"}))
    entry.full_clean(exclude=["recorded_by"])
    return Status(201, operations.save(audit.Actor.from_request(request), entry, recorded_by=request.user))


@router.get("/risks", response=list[RiskOut])
@permission_required(Permission.VIEW_PROGRAMME)
def list_risks(request, page: Query[Page]):
    return page.of(scoped(request, Risk))


@router.post("/risks", response={201: RiskOut})
@permission_required(Permission.MANAGE_PROGRAMME)
def add_risk(request, payload: RiskIn):
    return Status(201, _saved(request, Risk(service=request.service, **payload.dict())))


@router.post("/risks/{int:risk_id}/reviews", response=RiskOut)
@permission_required(Permission.MANAGE_PROGRAMME)
def review_risk(request, risk_id: int, payload: RiskReviewIn):
    risk = get_object_or_404(scoped(request, Risk), pk=risk_id)
    review = RiskReview(risk=risk, reviewed_by=request.user, **payload.dict(exclude={"next_review_due_on"}))
    _saved(request, review)
    risk.likelihood, risk.impact, risk.review_due_on = review.likelihood, review.impact, payload.next_review_due_on
    return _saved(request, risk)


@router.get("/feedback", response=list[FeedbackOut])
@permission_required(Permission.MANAGE_FEEDBACK)
def list_feedback(request, page: Query[Page]):
    return page.of(scoped(request, Feedback))


@router.post("/feedback", response={201: FeedbackOut})
@permission_required(Permission.MANAGE_FEEDBACK)
def add_feedback(request, payload: FeedbackIn):
    return Status(201, _saved(request, Feedback(service=request.service, **payload.dict())))


@router.get("/foi", response=list[FoiOut])
@permission_required(Permission.MANAGE_FEEDBACK)
def list_foi(request, page: Query[Page]):
    return page.of(scoped(request, FoiRequest))


@router.post("/foi", response={201: FoiOut})
@permission_required(Permission.MANAGE_FEEDBACK)
def add_foi(request, payload: FoiIn):
    return Status(201, _saved(request, FoiRequest(service=request.service, **payload.dict())))


@router.get("/workforce", response=WorkforceOut)
@permission_required(Permission.MANAGE_WORKFORCE)
def workforce(request, on: datetime.date | None = None):
    day = on or timezone.localdate()
    summary = workforce_on(request.service, day)
    return {
        "on": day,
        "headcount": summary["headcount"],
        "wte": summary["wte"],
        "by_role": [{"role": role, **figures} for role, figures in summary["by_role"].items()],
        "vacancies": [post.title for post in summary["vacancies"]],
    }
