"""Repeated failed logins lock out the username, and the address they come from (django-axes)."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.testing.factories import PASSWORD

LOCKED = "You have tried to log in too many times. Try again in 15 minutes"


def log_in(client, username, password=PASSWORD, address="192.0.2.10"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(client, username, times, address="192.0.2.10"):
    return [log_in(client, username, "wrong", address).status_code for _ in range(times)]


def test_four_wrong_passwords_then_the_right_one_logs_in(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    assert fail(client, user.username, 4) == [200] * 4
    assert log_in(client, user.username).status_code == 302


def test_the_fifth_wrong_password_locks_the_account_with_the_services_message(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    assert fail(client, user.username, 5) == [200, 200, 200, 200, 429]
    response = log_in(client, user.username)
    page = response.content.decode()
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    assert LOCKED in page and "There is a problem" in page and 'name="username"' in page
    assert "Account locked" not in page and "Please try again later" not in page


def test_a_locked_account_is_refused_from_another_address_too(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    fail(client, user.username, 5)
    assert log_in(client, user.username, address="198.51.100.7").status_code == 429


def test_an_address_trying_many_usernames_is_locked_out_for_every_account(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    for guess in ["alice", "bob", "carol", "dave", "erin"]:
        fail(client, guess, 1)
    assert log_in(client, user.username).status_code == 429
    assert log_in(client, user.username, address="198.51.100.7").status_code == 302


def test_the_lockout_ends_after_15_minutes(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        fail(client, user.username, 5)
        clock.shift(timedelta(minutes=14))
        assert log_in(client, user.username).status_code == 429
        # That try restarted the lockout.
        clock.shift(timedelta(minutes=15, seconds=1))
        assert log_in(client, user.username).status_code == 302


def test_a_successful_login_clears_the_count(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    fail(client, user.username, 4)
    log_in(client, user.username)
    client.post(reverse("logout"))
    assert fail(client, user.username, 4) == [200] * 4


def test_the_limit_and_the_lockout_come_from_settings(client, service, make_user, settings):
    import keywork.settings

    assert keywork.settings.AXES_FAILURE_LIMIT == 5
    assert keywork.settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    settings.AXES_FAILURE_LIMIT = 2
    settings.LOGIN_LOCKOUT_MINUTES = 1
    user = make_user(service, Role.KEYWORKER)
    assert fail(client, user.username, 2) == [200, 429]
    assert "Try again in 1 minute," in log_in(client, user.username).content.decode()
