"""The dashboard's charts: the XmR chart of people in hospital has its limits recalculated from
the programme's start unless the lead chooses another month (or none), says what its variation
and assurance icons mean in words, and every chart has a scale, a key and its figures."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.programme.models import Funding
from keywork.testing.dates import days_ago


@pytest.fixture
def in_hospital(enrol, admit):
    """Three admissions over the last 13 months: a series long enough for limits either side of
    a step change."""
    for days in (400, 300, 200):
        admit(enrol("Kent", days_ago(days + 30), "amber"), days_ago(days))


def this_april() -> datetime.date:
    today = days_ago(0)
    return datetime.date(today.year if today.month > 4 else today.year - 1, 4, 1)


def dashboard(client, **query):
    return client.get(reverse("reporting:dashboard"), query)


def test_limits_start_again_from_the_programmes_start_by_default(service, as_role, in_hospital):
    Funding.objects.create(service=service, financial_year=this_april().year, source="NHS England", amount_pence=1)
    response = dashboard(as_role(Role.LEAD).http)
    spc, months = response.context["f"]["inpatients"], response.context["f"]["inpatient_months"]
    assert [months[segment.start] for segment in spc.segments] == [months[0], this_april()]
    body = response.content.decode()
    assert f'<option value="{this_april():%Y-%m}" selected>' in body
    assert f"they are recalculated from {this_april():%B %Y}, the start of the programme" in body


def test_the_lead_chooses_the_month_the_limits_start_again_from_or_none(service, as_role, in_hospital):
    http = as_role(Role.LEAD).http
    months = dashboard(http).context["f"]["inpatient_months"]
    assert len(dashboard(http).context["f"]["inpatients"].segments) == 1  # no funding recorded: no default
    chosen = dashboard(http, recalculate_from=f"{months[5]:%Y-%m}").context["f"]["inpatients"]
    assert [segment.start for segment in chosen.segments] == [0, 5]
    Funding.objects.create(service=service, financial_year=this_april().year, source="NHS England", amount_pence=1)
    assert len(dashboard(http, recalculate_from="none").context["f"]["inpatients"].segments) == 1


def test_a_month_that_is_not_one_gives_the_default(service, as_role, in_hospital):
    Funding.objects.create(service=service, financial_year=this_april().year, source="NHS England", amount_pence=1)
    response = dashboard(as_role(Role.LEAD).http, recalculate_from="2026-13")
    spc, months = response.context["f"]["inpatients"], response.context["f"]["inpatient_months"]
    assert months[spc.latest.start] == this_april()


def test_the_variation_and_assurance_icons_are_said_in_words(as_role, in_hospital):
    body = dashboard(as_role(Role.LEAD).http).content.decode()
    assert "Variation" in body and "Assurance" in body
    assert any(
        words in body for words in ("Common cause variation", "Special cause improvement", "Special cause concern")
    )
    assert any(
        words in body for words in ("Consistently meets the target", "Consistently misses the target", "Hit and miss")
    )
    assert "How to read this chart" in body and "2 out of 3 months in a row close to a limit" in body


def test_every_chart_has_a_scale_a_key_and_both_drawings(as_role, in_hospital):
    body = dashboard(as_role(Role.LEAD).http).content.decode()
    for chart_id in ("register", "inpatients", "flow"):
        for size in ("wide", "narrow"):
            assert f'aria-labelledby="{chart_id}-{size}-title {chart_id}-{size}-desc"' in body
    assert body.count('<ul class="keywork-legend" aria-label="Key">') == 3
    assert body.count("keywork-chart__grid") >= 6
