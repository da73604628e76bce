"""An administrator revokes an API token from Admin › API tokens: accessible, in four page loads from any page."""

import pytest

from keywork.accounts.models import ApiToken, Role
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_an_administrator_revokes_a_token_from_the_admin_section(page, service, journey):
    issued, _ = ApiToken.issue(create_user(service, Role.COORDINATOR), "reporting script")
    log_in(page, create_user(service, Role.ADMIN))
    journey(page, "revoke an API token", 4)
    page.get_by_role("link", name="Admin").first.click()
    page.get_by_role("navigation", name="Admin").get_by_role("link", name="API tokens").click()
    assert_accessible(page)
    page.get_by_role("link", name="Revoke reporting script").click()
    assert_accessible(page)
    page.get_by_role("button", name="Revoke the token").click()
    assert "is revoked" in page.locator(".nhsuk-notification-banner").inner_text()
    assert "Revoked" in page.locator("table").inner_text()
    issued.refresh_from_db()
    assert issued.revoked_at is not None
