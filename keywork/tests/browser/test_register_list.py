"""The register list, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing.factories import allocate, create_user
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
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.locator("td:nth-child(6)")).to_have_text([re.compile("Amber$"), re.compile("Amber$")])  # Rating
    listed = set(rows.get_by_role("link").all_inner_texts())
    assert listed == {f"{p.family_name}, {p.given_name}" for p in amber}
    assert not listed & {f"{p.family_name}, {p.given_name}" for p in others}
    assert_accessible(page)


def test_sorting_by_a_heading_keeps_the_filters_and_on_a_phone_the_table_stacks(page, service, add_person):
    # Given a coordinator on the register, filtered to red ratings
    coordinator = create_user(service, Role.COORDINATOR)
    keyworker = create_user(service, Role.KEYWORKER)
    reds = [add_person(service, by=coordinator, rating="red") for _ in range(3)]
    add_person(service, by=coordinator, rating="green")
    allocate(reds[0], keyworker)
    log_in(page, coordinator)
    page.goto("/register/?rating=red")

    # When they sort by name from the column heading, twice
    page.get_by_role("columnheader", name="Name").get_by_role("link").click()
    page.get_by_role("columnheader", name="Name").get_by_role("link").click()

    # Then the red-rated people are listed Z to A, the heading says so, and the keyworker is named
    page.wait_for_url("**sort=-name**")
    expect(page.get_by_role("columnheader", name="Name")).to_have_attribute("aria-sort", "descending")
    names = sorted((f"{p.family_name}, {p.given_name}" for p in reds), reverse=True)
    expect(page.locator("table tbody tr").get_by_role("link")).to_have_text(names)
    expect(page.locator("table tbody")).to_contain_text(keyworker.display_name)
    assert_accessible(page)

    # On a 375 px phone the rows stack rather than push the page sideways, and the list sorts them
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.get_by_label("Sort by").select_option(label="Name, A to Z")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**sort=name**")
    expect(page.locator("table tbody tr").get_by_role("link")).to_have_text(sorted(names))
    assert_accessible(page)
