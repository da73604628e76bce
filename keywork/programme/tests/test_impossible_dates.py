"""A KPI figure for a month centuries ago is refused on the API and the page, naming the month."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from keywork.programme.models import BudgetLine, Feedback, FoiRequest, Funding, KpiValue, Milestone, RiskReview
from keywork.programme.models.workforce import PostHolding
from keywork.testing.api import Api, errors
from keywork.testing.pages import date_parts

YEAR_1, YEAR_9999 = datetime.date(1, 1, 1), datetime.date(9999, 12, 31)
IMPOSSIBLE = "The month must be between 1 January 1900 and 31 December 2099"


def test_a_kpi_month_in_the_year_1_is_refused_on_the_api(lead_user, make_kpi):
    kpi = make_kpi(lead_user.service)
    response = Api(lead_user).post(f"/api/programme/kpis/{kpi.pk}/values", {"month": "0001-01-01", "value": "82"})
    assert errors(response) == {"month": [IMPOSSIBLE]}
    assert not KpiValue.objects.exists()


def test_a_kpi_month_in_the_year_1_is_refused_on_the_page(lead, make_kpi):
    kpi = make_kpi(lead.service)
    form = {"value": "82", **date_parts("month", datetime.date(1, 1, 1))}
    form["month_2"] = "0001"
    response = lead.http.post(reverse("programme:add_kpi_value", args=[kpi.pk]), form)
    assert response.context["form"].errors["month"] == [IMPOSSIBLE]
    assert not KpiValue.objects.exists()


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (lambda: Funding(financial_year=99999, source="NHS England", amount_pence=1), "financial_year"),
        (lambda: BudgetLine(financial_year=-1, name="Staff", monthly_profile_pence=[0] * 12), "financial_year"),
        (lambda: Feedback(kind=Feedback.Kind.COMPLIMENT, received_on=YEAR_1), "received_on"),
        (lambda: FoiRequest(received_on=YEAR_1), "received_on"),
        (lambda: Milestone(due_on=YEAR_9999, status=Milestone.Status.NOT_STARTED), "due_on"),
        (lambda: RiskReview(reviewed_on=YEAR_1), "reviewed_on"),
        (lambda: PostHolding(starts_on=YEAR_1, wte=Decimal("1")), "starts_on"),
    ],
    ids=["funding", "budget line", "feedback", "FOI", "milestone", "risk review", "post holding"],
)
def test_a_programme_date_or_year_outside_the_era_is_refused(record, field):
    with pytest.raises(ValidationError) as refused:
        record().clean()
    (message,) = refused.value.message_dict[field]
    assert "1900" in message
