"""Two-factor sign-in in a real browser: a coordinator sets up an authenticator app after their
password, saves their recovery codes, and later logs in with one of them; every page accessible."""

from base64 import b32decode

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing.factories import create_user
from keywork.testing.twofactor import code_now
from keywork.tests.browser.conftest import assert_accessible, log_in
from keywork.twofactor import devices

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    # The live server's thread reads settings on each request (keywork/twofactor/rules.py).
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def code_from_setup_key(page) -> str:
    """What the phone's app would show, from the key as the page writes it out for typing in."""
    key = b32decode(page.locator("#setup-key").inner_text().replace(" ", ""))
    return f"{totp(key):06d}"


def enter_code(page, code: str) -> None:
    page.get_by_label("Security code").fill(code)
    page.get_by_role("button", name="Continue").click()


def test_a_user_sets_up_an_app_after_their_password_then_logs_in_with_a_recovery_code(new_page, service, journey):
    user = create_user(service, Role.COORDINATOR)
    page = new_page()
    loads = journey(page, "set up two-factor sign-in", 4)

    # Given a coordinator who has just typed their password, with no authenticator app yet
    log_in(page, user)
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor sign-in")
    assert page.locator("img.keywork-qr-code").evaluate("image => image.naturalWidth > 0")
    assert_accessible(page)

    # When they enter the code their app shows for the key on the page
    code = code_from_setup_key(page)
    assert code == code_now(devices.authenticator_being_set_up(user))
    enter_code(page, code)

    # Then they see ten recovery codes once, and after saving them reach their home page
    expect(page.get_by_role("heading", level=1)).to_have_text("Save your recovery codes")
    codes = page.locator(".keywork-recovery-codes li").all_inner_texts()
    assert len(codes) == 10
    assert_accessible(page)
    page.get_by_role("button", name="I have saved my recovery codes").click()
    page.wait_for_url(lambda url: "/two-factor/" not in url)
    assert loads.count == 4

    # And on a later login, without their phone, a recovery code lets them in once
    later = new_page()
    log_in(later, user)
    expect(later.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    assert_accessible(later)
    enter_code(later, "000000")
    expect(later.locator(".nhsuk-error-summary")).to_contain_text("The security code is not right")
    assert_accessible(later)
    later.get_by_role("link", name="Use a recovery code").click()
    assert_accessible(later)
    later.get_by_label("Recovery code").fill(codes[0])
    later.get_by_role("button", name="Continue").click()
    expect(later.locator(".nhsuk-notification-banner")).to_contain_text("You have 9 recovery codes left")
    assert "/two-factor/" not in later.url
