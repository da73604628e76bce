"""Actual against budget, by month and year to date, with the variance and a simple forecast."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.db.models.functions import TruncMonth

from keywork.money import financial_year_months
from keywork.programme.models import BudgetLine, Expenditure, Funding


def variance_percent(actual: int, budget: int) -> float | None:
    """Overspend is positive.

    >>> variance_percent(11000, 10000), variance_percent(0, 0)
    (10.0, None)
    """
    return round((actual - budget) * 100 / budget, 1) if budget else None


@dataclass
class LineReport:
    line: BudgetLine
    monthly_budget: list[int]
    monthly_actual: list[int]
    budget_to_date: int
    actual_to_date: int
    forecast: int  # actual to date + the profile still to come
    tolerance: int

    @property
    def variance(self) -> int:
        return self.actual_to_date - self.budget_to_date

    @property
    def variance_percent(self) -> float | None:
        return variance_percent(self.actual_to_date, self.budget_to_date)

    @property
    def outside_tolerance(self) -> bool:
        # Compared unrounded: 10.04% is over a 10% tolerance even though it shows as 10.0%.
        return self.budget_to_date > 0 and abs(self.variance) * 100 > self.tolerance * self.budget_to_date


@dataclass
class BudgetReport:
    financial_year: int
    months: list[datetime.date]
    months_elapsed: int
    funding: int
    lines: list[LineReport]

    @property
    def budget(self) -> int:
        return sum(r.line.annual_pence for r in self.lines)

    @property
    def budget_to_date(self) -> int:
        return sum(r.budget_to_date for r in self.lines)

    @property
    def actual_to_date(self) -> int:
        return sum(r.actual_to_date for r in self.lines)

    @property
    def forecast(self) -> int:
        return sum(r.forecast for r in self.lines)

    @property
    def variance(self) -> int:
        return self.actual_to_date - self.budget_to_date

    @property
    def variance_percent(self) -> float | None:
        return variance_percent(self.actual_to_date, self.budget_to_date)


def months_elapsed(financial_year: int, today: datetime.date) -> int:
    """Whole and current months of the year so far (12 once it has ended, 0 before it starts)."""
    return sum(1 for month in financial_year_months(financial_year) if month <= today)


def budget_report(service, financial_year: int, today: datetime.date) -> BudgetReport:
    """Three queries whatever the number of lines and entries."""
    months = financial_year_months(financial_year)
    elapsed = months_elapsed(financial_year, today)
    lines = list(BudgetLine.objects.filter(service=service, financial_year=financial_year))
    spent = (
        Expenditure.objects.filter(line__in=lines)
        .annotate(month=TruncMonth("spent_on"))
        .values("line_id", "month")
        .annotate(total=Sum("amount_pence"))
    )
    actual = {(row["line_id"], _as_date(row["month"])): row["total"] for row in spent}
    funding = Funding.objects.filter(service=service, financial_year=financial_year).aggregate(t=Sum("amount_pence"))
    reports = []
    for line in lines:
        monthly_actual = [actual.get((line.pk, month), 0) for month in months]
        profile = line.monthly_profile_pence
        reports.append(
            LineReport(
                line=line,
                monthly_budget=profile,
                monthly_actual=monthly_actual,
                budget_to_date=sum(profile[:elapsed]),
                actual_to_date=sum(monthly_actual[:elapsed]),
                forecast=sum(monthly_actual[:elapsed]) + sum(profile[elapsed:]),
                tolerance=service.budget_tolerance_percent,
            )
        )
    return BudgetReport(financial_year, months, elapsed, funding["t"] or 0, reports)


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value
