"""A KPI figure for a month centuries ago is refused on the API and the page, naming the month."""

import datetime

from django.urls import reverse

from keywork.programme.models import KpiValue
from keywork.testing.api import Api, errors
from keywork.testing.pages import date_parts

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
