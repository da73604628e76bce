"""The register list, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_filtering_the_register_by_rating_works_without_javascript(new_page, service, add_person):
    # Given people with different ratings, and a coordinator in a browser with JavaScript off
    coordinator = create_user(service, Role.COORDINATOR)
    amber = {add_person(service, by=coordinator, rating="amber") for _ in range(2)}
    others = {add_person(service, by=coordinator, rating=rating) for rating in ("red", "green", "blue")}
    page = new_page(java_script_enabled=False)
    log_in(page, coordinator)
    page.goto("/register/")
    expect(page.locator("body")).not_to_have_class(re.compile(r"\bjs-enabled\b"))  # nhsuk's inline script did not run
    expect(page.locator("#result-count")).to_have_text("5 people")

    # When they choose the amber rating and apply the filters (a plain GET form)
    page.get_by_label("Rating", exact=True).select_option("amber")
    page.get_by_role("button", name="Apply filters").click()

    # Then only the amber-rated people are listed
    page.wait_for_url("**/register/?*rating=amber*")
    expect(page.locator("#result-count")).to_have_text("2 people")
    rows = page.locator("table.nhsuk-table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.locator("td:nth-child(5)")).to_have_text(["Amber", "Amber"])  # the Rating column
    listed = set(rows.get_by_role("link").all_inner_texts())
    assert listed == {f"{p.family_name}, {p.given_name}" for p in amber}
    assert not listed & {f"{p.family_name}, {p.given_name}" for p in others}
    assert_accessible(page)
