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
    assert "*" in body and "How small numbers are hidden" in body
    for person in register:
        assert person.family_name not in body

    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a spreadsheet (XLSX)").click()
    assert download.value.suggested_filename.endswith(f"{quarter.code}.xlsx")
