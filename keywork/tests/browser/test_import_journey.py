"""A DSR coordinator moves a service's spreadsheet into Keywork from the browser."""

import pytest
from django.utils import timezone

from keywork.imports import synthetic
from keywork.register.models import Person
from keywork.testing.factories import create_user

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_a_coordinator_uploads_a_spreadsheet_maps_its_columns_reads_the_report_and_imports(page, service, tmp_path):
    rows = synthetic.spreadsheet_rows(service, 20, today=timezone.localdate())
    synthetic.add_mistakes(rows, {6: "unreadable_date"})
    spreadsheet = tmp_path / "our-dsr.xlsx"
    spreadsheet.write_bytes(synthetic.as_xlsx(rows))
    log_in(page, create_user(service, "coordinator"))

    # Importing is an action on the register, no longer a menu item.
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("button", name="Import a spreadsheet").click()
    assert_accessible(page)
    page.get_by_role("button", name="Upload").click()
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("DSR spreadsheet").set_input_files(str(spreadsheet))
    page.get_by_role("button", name="Upload").click()

    page.wait_for_url("**/columns/")
    assert_accessible(page)
    assert page.get_by_label("RAG").input_value() == "rating"
    page.get_by_label("Notes").select_option("")  # left out, as it already is: the user checks the guess
    page.get_by_label("Save this mapping as (optional)").fill("Monthly DSR")
    page.get_by_role("button", name="Check the file").click()

    page.wait_for_url("**/report/")
    assert_accessible(page)
    table = page.locator("table").inner_text()
    assert "8" in table and "D.O.B." in table and "not a date we can read" in table
    assert Person.objects.count() == 0
    page.get_by_role("button", name="Import 19 people").click()
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Import the other rows and leave the refused rows out").check()
    page.get_by_role("button", name="Import 19 people").click()

    page.wait_for_url("**/report/")
    assert page.get_by_role("heading", name="Import finished").is_visible()
    assert_accessible(page)
    assert Person.objects.filter(service=service).count() == 19
