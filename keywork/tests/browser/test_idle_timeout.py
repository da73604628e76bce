"""The idle timeout's warning in a browser. The page's clock (Playwright's) jumps forward, and the
session's last activity is set back as far in the database, as if the user had been away."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore

from keywork.accounts.middleware import LAST_ACTIVITY_KEY
from keywork.accounts.models import Role
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

TIMEOUT_MINUTES = 30


def session_of(page) -> SessionStore:
    [cookie] = [c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME]
    return SessionStore(session_key=cookie["value"])


def away_for(page, minutes: int, seconds: int = 0) -> None:
    """As if the user had done nothing for so long since the page opened: in the database and on the page."""
    session = session_of(page)
    session[LAST_ACTIVITY_KEY] -= minutes * 60 + seconds
    session.save()
    page.clock.fast_forward(f"{minutes:02}:{seconds:02}")


@pytest.fixture
def register_page(page, service):
    page.clock.install()
    log_in(page, create_user(service, Role.MANAGER))
    page.goto("/register/")
    return page


def test_the_warning_lets_the_user_stay_signed_in(register_page):
    page = register_page
    away_for(page, TIMEOUT_MINUTES - 2)
    dialog = page.get_by_role("dialog", name="You'll be signed out in 2 minutes")
    dialog.wait_for()
    assert_accessible(page)
    dialog.get_by_role("button", name="Stay signed in").click()
    dialog.wait_for(state="hidden")
    assert abs(session_of(page)[LAST_ACTIVITY_KEY] - time.time()) < 5
    assert "/register/" in page.url


def test_left_alone_the_page_ends_on_the_login_page_saying_why(register_page):
    page = register_page
    away_for(page, TIMEOUT_MINUTES - 1)
    page.get_by_role("dialog", name="You'll be signed out in 1 minute").wait_for()
    away_for(page, 1, 2)
    page.wait_for_url("**/login/?next=/register/")
    message = "You were signed out because you had not done anything for 30 minutes. Sign in again to continue."
    assert message in page.locator("main").inner_text()
    assert_accessible(page)


def test_an_administrator_sets_the_timeout_with_a_clear_error_for_a_wrong_number(page, service):
    log_in(page, create_user(service, Role.ADMIN))
    page.goto("/session/idle-timeout/")
    box = page.get_by_label("Minutes without activity before signing out")
    box.fill("481")
    page.get_by_role("button", name="Save").click()
    assert "Number of minutes must be 480 or less" in page.locator(".nhsuk-error-summary").inner_text()
    assert_accessible(page)
    box.fill("15")
    page.get_by_role("button", name="Save").click()
    assert "signed out after 15 minutes without activity" in page.locator(".nhsuk-notification-banner").inner_text()
    assert page.locator("body").get_attribute("data-idle-timeout-seconds") == str(15 * 60)


def test_a_tab_left_open_does_not_warn_or_reload_while_another_tab_is_in_use(register_page):
    background = register_page
    background.evaluate("window.notReloaded = true")
    away_for(background, 20)
    in_use = background.context.new_page()
    in_use.goto("/register/")
    # Past the background tab's own end, but not the one the tab in use set.
    background.clock.fast_forward("12:00")
    background.wait_for_timeout(500)
    assert background.evaluate("window.notReloaded === true")
    assert background.get_by_role("dialog").is_hidden()
