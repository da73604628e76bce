"""A commissioner reads the dashboard and the quarterly return, and downloads the return."""

import datetime

import pytest

from keywork.reporting.quarters import Quarter
from keywork.testing.factories import create_user

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def register(service, add_person):
    coordinator = create_user(service, "coordinator")
    return [
        add_person(service, coordinator, rating=rating, referral_date=datetime.date(2025, 1, 10))
        for rating in ("red", "amber", "green", "green")
    ]


def test_a_commissioner_reads_the_dashboard_and_the_suppressed_quarterly_return(page, service, register):
    commissioner = create_user(service, "commissioner")
    log_in(page, commissioner)

    page.goto("/reporting/dashboard/")
    assert page.get_by_role("heading", name="Programme dashboard").is_visible()
    assert page.locator("svg.keywork-chart").count() >= 1
    assert_accessible(page)

    page.goto("/reporting/return/")
    quarter = Quarter(2025, 3)
    page.get_by_label("Quarter", exact=True).select_option(quarter.code)
    page.get_by_role("button", name="Show").click()
    assert page.get_by_role("heading", name=f"Quarterly return {quarter.label}").is_visible()
    assert_accessible(page)
    body = page.locator("main").inner_text()
    assert "*" in body and "are hidden (shown as *)" in body
    for person in register:
        assert person.family_name not in body

    with page.expect_download() as download:
        page.get_by_role("link", name="spreadsheet (XLSX)").click()
    assert download.value.suggested_filename.endswith(f"{quarter.code}.xlsx")


# Every visible chart's words, measured in the browser: any that fall outside the picture.
WORDS_OUTSIDE_CHARTS = """() => [...document.querySelectorAll('svg.keywork-chart')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .map(svg => {
    const box = svg.getBoundingClientRect();
    const outside = [...svg.querySelectorAll('text')].filter(text => {
      const r = text.getBoundingClientRect();
      return r.left < box.left - 0.5 || r.right > box.right + 0.5
        || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
    });
    return [svg.id || svg.getAttribute('aria-labelledby'), outside.map(text => text.textContent)];
  })"""


@pytest.mark.parametrize("width", [1280, 375])
def test_every_word_on_the_dashboards_charts_is_inside_the_picture(new_page, service, register, admit, width):
    for person, days in zip(register, (400, 300, 200), strict=False):
        admit(person, datetime.date(2026, 11, 25) - datetime.timedelta(days=days))
    page = new_page(viewport={"width": width, "height": 900})
    log_in(page, create_user(service, "lead"))
    page.goto("/reporting/dashboard/")
    charts = page.evaluate(WORDS_OUTSIDE_CHARTS)
    size = "narrow" if width < 641 else "wide"
    assert [name.split()[0] for name, _ in charts] == [
        f"{chart}-{size}-title" for chart in ("register", "inpatients", "flow")
    ]
    assert all(outside == [] for _, outside in charts), charts
    assert_accessible(page)
