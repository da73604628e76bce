"""Assessments in a real browser: a keyworker records an occupational therapy assessment with its report
from the reviews sub-page, lands on the assessment's page, adds a recommendation as an action and
finds it listed there; axe passes on every page, and the page fits a phone's width."""

import re

import pytest
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.register.record_pages import person_url
from keywork.testing import factories
from keywork.testing.dates import TODAY, days_ago
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def fill_date(page, field: str, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{field}_{part}").fill(str(value))


def test_a_keyworker_records_an_ot_assessment_and_adds_its_recommendation(page, service, add_person, tmp_path):
    keyworker = factories.create_user(service, Role.KEYWORKER)
    manager = factories.create_user(service, Role.MANAGER)
    person = add_person(service, by=manager, rating="amber")
    factories.allocate(person, keyworker, days_ago(100), by=manager)
    report = tmp_path / "ot-report.pdf"
    report.write_bytes(PDF)
    log_in(page, keyworker)

    page.goto(person_url(person, "reviews"))
    expect(page.locator("#assessments")).to_have_text("Assessments")
    page.get_by_role("link", name="Record an assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an assessment")
    assert_accessible(page)
    page.get_by_role("radio", name="Occupational therapy").check()
    page.get_by_role("checkbox", name="Sensory processing").check()
    fill_date(page, "assessed_on", days_ago(3))
    page.get_by_label("Or an outside assessor's name").fill("Dr Ana Khan")
    page.get_by_label("Their organisation").fill("Children's occupational therapy")
    page.get_by_label("Summary").fill("Seeks deep pressure; overwhelmed by noise at school.")
    page.get_by_label("Report (optional)").set_input_files(str(report))
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"/assessments/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Occupational therapy assessment")
    expect(page.get_by_role("link", name="Download the report")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a recommendation as an action").click()
    page.get_by_label("Recommendation").fill("Trial ear defenders in class")
    page.get_by_label("Or an organisation").fill("School")
    fill_date(page, "due_on", TODAY)
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"/assessments/\d+/$"))
    expect(page.get_by_role("table")).to_contain_text("Trial ear defenders in class")
    assert_accessible(page)
    # On a phone the actions table stacks into labelled rows rather than scrolling sideways.
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
