"""The programme lead records expenditure and sees the year's variance change."""

import datetime

import pytest
from django.utils import timezone

from keywork.money import financial_year_of
from keywork.programme.models import BudgetLine
from keywork.testing.factories import create_user

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def budget_line(service):
    year = financial_year_of(timezone.localdate())
    return BudgetLine.objects.create(
        service=service, financial_year=year, name="Training", category="training", monthly_profile_pence=[100_000] * 12
    )


def variance_text(page) -> str:
    return page.locator("dt:has-text('Variance to date') + dd").inner_text()


def test_the_programme_lead_records_expenditure_and_sees_the_variance_change(page, service, budget_line):
    lead = create_user(service, "lead")
    log_in(page, lead)
    page.goto("/programme/budget/")
    assert_accessible(page)
    before = variance_text(page)

    page.get_by_role("button", name="Record expenditure").click()
    assert_accessible(page)
    page.get_by_label("Budget line").select_option(
        label=f"{budget_line.financial_year}/{(budget_line.financial_year + 1) % 100:02d}: Training"
    )
    today = timezone.localdate() - datetime.timedelta(days=1 if timezone.localdate().day > 1 else 0)
    page.locator("#id_spent_on_0").fill(str(today.day))
    page.locator("#id_spent_on_1").fill(str(today.month))
    page.locator("#id_spent_on_2").fill(str(today.year))
    page.get_by_label("Amount in pounds").fill("2,500.00")
    page.get_by_label("Supplier or payee").fill("Positive behaviour support course")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(lambda url: "/programme/budget/" in url and "expenditure" not in url)
    assert_accessible(page)
    after = variance_text(page)
    assert after != before
    assert "£2,500.00" in page.locator("table").first.inner_text()
