"""Forgotten your password?: a link by email to create a new one, which says nothing about whether
an address has an account, and is never sent to a demo user or a user without a service."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.testing.factories import PASSWORD

NEW_PASSWORD = "correct-horse-battery-staple-9"  # noqa: S105 - a test password


@pytest.fixture
def keyworker(service, make_user):
    user = make_user(service, Role.KEYWORKER)
    user.email = "sam.keyworker@example.org"
    user.save()
    return user


def ask_for_link(client, email):
    return client.post(reverse("password_reset"), {"email": email})


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def logs_in(username, password) -> bool:
    """Through the login page, in a browser of its own: django-axes needs the request that
    client.login() does not pass."""
    return Client().post(reverse("login"), {"username": username, "password": password}).status_code == 302


def open_link(client, email):
    """Ask for a link, open it as the email's reader would, and return the page it leads to."""
    ask_for_link(client, email)
    return client.get(link_in(mail.outbox[-1]), follow=True)


def test_the_login_page_offers_a_way_to_reset_a_forgotten_password(client, db):
    page = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}">Forgotten your password?</a>' in page


def test_each_step_can_be_used_without_logging_in(client, db):
    for name in ("password_reset", "password_reset_done", "password_reset_complete"):
        assert client.get(reverse(name)).status_code == 200, name


def test_a_user_resets_their_password_from_the_emailed_link_and_logs_in_with_it(client, keyworker):
    response = ask_for_link(client, "Sam.Keyworker@example.org")
    assert response.status_code == 302 and response.url == reverse("password_reset_done")
    (message,) = mail.outbox
    assert message.to == ["sam.keyworker@example.org"]
    assert message.subject == "Create a new password for Keywork"
    assert keyworker.username in message.body and "24 hours" in message.body

    form_page = client.get(link_in(message), follow=True)
    assert "Create a new password" in form_page.content.decode()
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done.url == reverse("password_reset_complete")

    assert logs_in(keyworker.username, NEW_PASSWORD)
    assert not logs_in(keyworker.username, PASSWORD)


def test_a_link_works_only_once(client, keyworker):
    form_page = open_link(client, keyworker.email)
    address = form_page.redirect_chain[-1][0]
    client.post(address, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    again = client.get(address).content.decode()
    assert "This link no longer works" in again and 'name="new_password1"' not in again


def test_an_address_without_an_account_gets_the_same_answer_and_no_email(client, keyworker):
    with_account = ask_for_link(client, keyworker.email)
    without = ask_for_link(client, "nobody@example.org")
    assert without.status_code == with_account.status_code and without.url == with_account.url
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("reason", ["demo user", "no service", "inactive"])
def test_no_link_is_sent_to_an_account_that_cannot_log_in_here(client, keyworker, reason):
    if reason == "demo user":
        keyworker.is_demo = True
    elif reason == "no service":
        keyworker.service = None
    else:
        keyworker.is_active = False
    keyworker.save()
    response = ask_for_link(client, keyworker.email)
    assert response.status_code == 302 and mail.outbox == []


@pytest.mark.parametrize(
    ("email", "error"),
    [
        ("", "Enter your email address"),
        ("sam at example", "Enter an email address in the correct format, like name@example.com"),
    ],
)
def test_an_email_address_that_cannot_be_used_is_refused_with_an_error_for_its_field(client, db, email, error):
    page = ask_for_link(client, email).content.decode()
    assert "There is a problem" in page and error in page


@pytest.mark.parametrize(
    ("first", "second", "error"),
    [
        ("", "", "Enter a new password"),
        (NEW_PASSWORD, NEW_PASSWORD + "x", "The passwords do not match: enter the same new password twice"),
        ("short-pass", "short-pass", "Your new password must be 12 characters or more"),
        ("password1234", "password1234", "Your new password is too easy to guess"),
    ],
)
def test_a_new_password_that_cannot_be_used_is_refused_with_an_error_written_for_it(
    client, keyworker, first, second, error
):
    address = open_link(client, keyworker.email).redirect_chain[-1][0]
    page = client.post(address, {"new_password1": first, "new_password2": second}).content.decode()
    assert "There is a problem" in page and error in page
    assert "didn’t match" not in page and "This password" not in page
    assert logs_in(keyworker.username, PASSWORD)


def test_a_refused_password_is_not_sent_back_in_the_page(client, keyworker):
    address = open_link(client, keyworker.email).redirect_chain[-1][0]
    page = client.post(address, {"new_password1": "short-pass", "new_password2": "short-pass"}).content.decode()
    assert "short-pass" not in page
