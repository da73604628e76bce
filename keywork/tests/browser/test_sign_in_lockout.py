"""The login page after too many failed logins: the service's own message, accessible."""

import pytest

from keywork.accounts.models import Role
from keywork.testing.factories import PASSWORD, create_user
from keywork.tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def try_to_log_in(page, username, password):
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.get_by_role("button", name="Log in").click()


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_clear_message(page, service):
    user = create_user(service, Role.KEYWORKER)
    page.goto("/login/")
    for _ in range(5):
        try_to_log_in(page, user.username, "wrong")
    try_to_log_in(page, user.username, PASSWORD)
    summary = page.locator(".nhsuk-error-summary")
    assert "You have tried to log in too many times. Try again in 15 minutes" in summary.inner_text()
    assert page.locator("#id_username").input_value() == user.username and "/login/" in page.url
    assert_accessible(page)
