from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.datebounds import FIRST_FINANCIAL_YEAR, LAST_FINANCIAL_YEAR
from keywork.money import financial_year_label, financial_year_of
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.budget_report import budget_report
from keywork.programme.forms import BudgetLineForm, ExpenditureForm, FundingForm
from keywork.programme.models import BudgetLine, Funding
from keywork.register.access import scoped


@permission_required(Permission.VIEW_PROGRAMME)
def budget(request):
    today = timezone.localdate()
    years = sorted(set(scoped(request, BudgetLine).values_list("financial_year", flat=True)))
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = financial_year_of(today)
    if not FIRST_FINANCIAL_YEAR <= year <= LAST_FINANCIAL_YEAR:
        # A year the address names outside the service's era: say so rather than fail on the dates.
        message = (
            f"Choose a financial year from {financial_year_label(FIRST_FINANCIAL_YEAR)} "
            f"to {financial_year_label(LAST_FINANCIAL_YEAR)}"
        )
        return render(request, "400.jinja", {"message": message}, status=400)
    report = budget_report(request.service, year, today)
    return render(
        request,
        "programme/budget.jinja",
        {
            "page_title": f"Budget {financial_year_label(year)}",
            "report": report,
            "years": [(y, financial_year_label(y)) for y in years],
            "year": year,
            "may_manage": has_permission(request.user, Permission.MANAGE_PROGRAMME),
        },
    )


@permission_required(Permission.MANAGE_PROGRAMME)
def add_expenditure(request):
    form = ExpenditureForm(request.POST or None, service=request.service)

    def save(actor, form):
        operations.save(actor, form.instance, recorded_by=actor.user)
        return reverse("programme:budget") + f"?year={form.instance.line.financial_year}"

    return handle_form(request, form, save, "Expenditure recorded", "Record expenditure")


@permission_required(Permission.MANAGE_PROGRAMME)
def add_funding(request):
    form = FundingForm(request.POST or None, instance=Funding(service=request.service))
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:budget",
        "Funding recorded",
        "Record funding",
    )


@permission_required(Permission.MANAGE_PROGRAMME)
def add_budget_line(request):
    form = BudgetLineForm(request.POST or None, instance=BudgetLine(service=request.service))

    def save(actor, form):
        operations.save(actor, form.instance)
        return reverse("programme:budget") + f"?year={form.instance.financial_year}"

    return handle_form(request, form, save, "Budget line added", "Add a budget line")
