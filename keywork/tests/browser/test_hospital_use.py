"""The programme lead reads hospital use (Inpatients › Hospital use), sets the bed-day cost the
estimate asks for, and sees the cost avoided estimated: accessible, in four page loads."""

import pytest

from keywork.accounts.models import Role
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_lead_sets_the_bed_day_cost_from_the_hospital_use_page(page, service, journey):
    log_in(page, create_user(service, Role.LEAD))
    journey(page, "set the bed-day cost", 4)
    page.get_by_role("link", name="Inpatients").first.click()
    page.get_by_role("navigation", name="Inpatients").get_by_role("link", name="Hospital use").click()
    assert_accessible(page)
    page.get_by_role("link", name="Set the bed-day cost").click()
    assert_accessible(page)
    page.get_by_label("Cost of one bed day in pounds").fill("750")
    page.get_by_role("button", name="Save").click()
    assert "Bed-day cost set to £750.00" in page.locator(".nhsuk-notification-banner").inner_text()
    assert "Bed-day cost: £750.00" in page.locator("main").inner_text()
    service.refresh_from_db()
    assert service.bed_day_cost_pence == 75000
