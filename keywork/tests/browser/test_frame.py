"""The frame around every page, in a real browser: nothing fetched from another host, the text in
the Arial stack, the footer's pages, the service's own error pages, and the password reset journey."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def requests_elsewhere(page, live_server) -> list[str]:
    """The addresses of every request the page makes from now on to a host other than the live server's."""
    ours = urlsplit(live_server.url).netloc
    elsewhere = []
    page.on("request", lambda request: elsewhere.append(request.url) if urlsplit(request.url).netloc != ours else None)
    return elsewhere


def test_pages_load_nothing_from_another_host_and_set_text_in_arial(page, live_server, service, add_person):
    manager = create_user(service, Role.MANAGER)
    person = add_person(service, by=manager)
    elsewhere = requests_elsewhere(page, live_server)
    page.goto("/login/")
    log_in(page, manager)
    for address in ("/", "/register/", person.get_absolute_url(), "/help/"):
        page.goto(address)
        page.wait_for_load_state("networkidle")
    assert elsewhere == []
    assert page.evaluate("getComputedStyle(document.body).fontFamily") == "arial, sans-serif"
    assert page.evaluate("document.fonts.size") == 0  # no @font-face at all


@pytest.mark.parametrize(
    ("link", "heading"),
    [
        ("Help and contact", "Help and contact"),
        ("Accessibility statement", "Accessibility statement for Keywork"),
        ("Privacy notice", "Privacy notice"),
    ],
)
def test_the_footer_leads_to_help_accessibility_and_privacy_before_logging_in(page, link, heading):
    page.goto("/login/")
    page.get_by_role("contentinfo").get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)


def test_a_missing_page_is_the_services_page_not_found(page, service):
    log_in(page, create_user(service, Role.KEYWORKER))
    response = page.goto("/register/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    assert_accessible(page)


def test_a_forgotten_password_is_reset_through_the_emailed_link(page, service):
    keyworker = create_user(service, Role.KEYWORKER)
    keyworker.email = "sam.keyworker@example.org"
    keyworker.save()
    page.goto("/login/")
    page.get_by_role("link", name="Forgotten your password?").click()
    assert_accessible(page)

    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter your email address")
    assert_accessible(page)
    page.get_by_label("Email address").fill(keyworker.email)
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert_accessible(page)

    (message,) = mail.outbox
    page.goto(re.search(r"https?://\S+", message.body).group(0))
    expect(page.get_by_role("heading", level=1)).to_have_text("Create a new password")
    assert_accessible(page)
    page.get_by_label("New password", exact=True).fill("a-new-password-for-work-7")
    page.get_by_label("Confirm new password").fill("a-new-password-for-work-7")
    page.get_by_role("button", name="Save new password").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your password has been changed")
    assert_accessible(page)

    page.get_by_role("link", name="Log in").click()
    page.locator("#id_username").fill(keyworker.username)
    page.locator("#id_password").fill("a-new-password-for-work-7")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login/" not in url)
