"""A KPI's page draws its monthly series as an XmR chart against its target and direction, with
months without a figure as gaps, limits recalculated from a chosen month, and the variation and
assurance icons in words; a commissioner's chart leaves hidden months out of the limits too."""

import datetime
import re
from decimal import Decimal

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.programme.models import KpiValue

D = datetime.date
# Entered by hand: August 2025 to July 2026, September 2025 left blank. Worked by hand, the
# eleven figures have mean 879 / 11 = 79.91; after recalculating from March 2026 the last five
# (88, 90, 89, 91, 90) have mean 89.6 and moving ranges 2, 1, 2, 1: limits 89.6 ± 2.66 × 1.5 =
# 85.61 to 93.59, all above the target of 80.
FIGURES = {
    D(2025, 8, 1): 70,
    D(2025, 10, 1): 72,
    D(2025, 11, 1): 71,
    D(2025, 12, 1): 73,
    D(2026, 1, 1): 72,
    D(2026, 2, 1): 73,
    D(2026, 3, 1): 88,
    D(2026, 4, 1): 90,
    D(2026, 5, 1): 89,
    D(2026, 6, 1): 91,
    D(2026, 7, 1): 90,
}


def kpi_page(kpi, client, **query):
    return client.get(reverse("programme:kpi", args=[kpi.pk]), query)


def families_kpi(service, make_kpi, lead_user):
    kpi = make_kpi(service)
    for month, value in FIGURES.items():
        KpiValue.objects.create(kpi=kpi, month=month, value=Decimal(value), entered_by=lead_user)
    return kpi


def test_a_kpi_page_draws_its_series_as_an_xmr_chart_with_a_gap_for_a_blank_month(service, make_kpi, lead_user, lead):
    kpi = families_kpi(service, make_kpi, lead_user)
    response = kpi_page(kpi, lead.http, recalculate_from="none")
    spc = response.context["spc"]
    assert spc.latest.mean == 879 / 11 and spc.improvement == "higher" and spc.target == 80
    months = [point.month for point in response.context["series"]]
    assert spc.values[months.index(D(2025, 9, 1))] is None
    body = response.content.decode()
    assert f'aria-labelledby="kpi-{kpi.pk}-wide-title kpi-{kpi.pk}-wide-desc"' in body
    # The blank month splits the line: August is a point on its own, the line runs October to July.
    lines = re.findall(r'<polyline class="keywork-chart__line keywork-chart--grey[^"]*" points="([^"]*)"', body)
    assert [len(points.split()) for points in lines] == [10, 10]  # wide and narrow


def test_recalculated_from_the_step_change_the_kpi_consistently_meets_its_target(service, make_kpi, lead_user, lead):
    kpi = families_kpi(service, make_kpi, lead_user)
    response = kpi_page(kpi, lead.http, recalculate_from="2026-03")
    spc = response.context["spc"]
    assert [segment.mean for segment in spc.segments][-1] == 89.6
    assert round(spc.latest.lower, 2) == 85.61
    body = response.content.decode()
    assert "Consistently meets the target" in body
    assert '<option value="2026-03" selected>' in body


def test_a_commissioners_kpi_chart_leaves_hidden_months_out(service, make_kpi, make_user, add_person, as_role):
    from keywork.audit import Actor
    from keywork.testing.factories import admit

    coordinator = make_user(service, Role.COORDINATOR)
    for days in (400, 300, 200):
        person = add_person(service, coordinator, referral_date=D(2025, 1, 1))
        admit(Actor(coordinator, service), person, D(2026, 11, 25) - datetime.timedelta(days=days))
    kpi = make_kpi(service, computation="inpatients", direction="lower", target="1", unit="people")
    assert kpi_page(kpi, as_role(Role.LEAD).http).context["spc"] is not None
    # 1 to 3 people in hospital every month: every month is hidden, so there is nothing to draw.
    response = kpi_page(kpi, as_role(Role.COMMISSIONER).http)
    assert response.context["spc"] is None and "keywork-chart" not in response.content.decode()
