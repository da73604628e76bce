"""The footer's pages (help and contact, accessibility statement, privacy notice) on every page,
readable without logging in, with the contact details and retention periods from the settings."""

import pytest
from django.urls import reverse

from keywork.accounts.models import Role

FOOTER_PAGES = ["siteinfo:help", "siteinfo:accessibility", "siteinfo:privacy"]


@pytest.mark.parametrize("name", FOOTER_PAGES)
def test_each_footer_page_can_be_read_without_logging_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert f"<h1>{response.context['page_title']}</h1>" in response.content.decode()


@pytest.mark.parametrize("logged_in", [False, True])
def test_every_page_has_a_footer_linking_to_help_accessibility_and_privacy(client, service, make_user, logged_in):
    if logged_in:
        client.force_login(make_user(service, Role.MANAGER))
    body = client.get(reverse("home" if logged_in else "login")).content.decode()
    footer = body[body.index('<footer class="nhsuk-footer"') :]
    for name, text in zip(FOOTER_PAGES, ["Help and contact", "Accessibility statement", "Privacy notice"], strict=True):
        assert f'href="{reverse(name)}">{text}</a>' in footer
    assert "NHS England" not in footer


@pytest.mark.parametrize("name", FOOTER_PAGES)
def test_the_contact_details_are_the_services_own(client, db, settings, name):
    settings.SERVICE_ORGANISATION = "NHS Kent and Medway ICB"
    settings.SERVICE_CONTACT_EMAIL = "keywork.support@example.nhs.uk"
    settings.SERVICE_CONTACT_PHONE = "01632 960 001"
    body = client.get(reverse(name)).content.decode()
    assert 'href="mailto:keywork.support@example.nhs.uk"' in body
    assert 'href="tel:01632960001">01632 960 001</a>' in body
    if name != "siteinfo:privacy":
        assert "NHS Kent and Medway ICB" in body


def test_without_contact_details_the_pages_say_to_ask_a_team_manager(client, db, settings):
    settings.SERVICE_CONTACT_EMAIL = settings.SERVICE_CONTACT_PHONE = settings.SERVICE_ORGANISATION = ""
    body = client.get(reverse("siteinfo:help")).content.decode()
    assert "Ask your team manager" in body and "mailto:" not in body
    assert "Keywork is run by" not in body


def test_the_privacy_notice_gives_the_retention_periods_the_service_runs(client, db, settings):
    settings.RECORDS_RETENTION = {"person": {"archive_after_months": 18, "erase_after_months": 96}}
    body = client.get(reverse("siteinfo:privacy")).content.decode()
    assert "archived 18 months after their support ends, and deleted 8 years after" in body
