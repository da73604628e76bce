"""The programme pages in GOV.UK content style: figures with their unit and no spurious decimals,
an underspend with the minus sign before the pound, dates in sentences in full."""

import datetime

from django.urls import reverse

from keywork.programme.models import KpiValue, Risk
from keywork.programme.tests.conftest import LAST_MONTH

TRAINING_PROFILE = [0, 0, 300_000, 0, 0, 300_000, 0, 0, 300_000, 0, 0, 100_000]


def test_a_percentage_kpi_shows_whole_figures_closed_up(lead, make_kpi):
    kpi = make_kpi(lead.service, target="80.00")
    KpiValue.objects.create(kpi=kpi, month=LAST_MONTH, value="82.00", entered_by=lead.user)

    for page in (reverse("programme:kpi", args=[kpi.pk]), reverse("programme:overview")):
        body = lead.http.get(page).content.decode()
        assert "82%" in body and "80%" in body
        assert "82.0" not in body and "80.0" not in body


def test_an_underspend_shows_the_minus_sign_before_the_pound(lead, make_line, spend):
    training = make_line(lead.service, 2025, TRAINING_PROFILE, name="Training", category="training")
    spend(training, datetime.date(2025, 6, 12), 240_000)

    body = lead.http.get(reverse("programme:budget"), {"year": 2025}).content.decode()

    # £10,000 budgeted for the year, £2,400 spent: £7,600 (76%) under.
    assert "\u2212£7,600.00 (\u221276%)" in body
    assert "-£" not in body


def test_a_risks_review_date_is_written_in_full(lead):
    risk = Risk.objects.create(
        service=lead.service,
        title="Recruitment",
        cause="Few applicants",
        effect="Caseloads rise",
        owner="Programme lead",
        likelihood=3,
        impact=4,
        target_score=6,
        review_due_on=datetime.date(2026, 10, 5),
    )

    body = lead.http.get(reverse("programme:risk", args=[risk.pk])).content.decode()

    assert "5 October 2026" in body
