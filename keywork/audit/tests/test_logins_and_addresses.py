"""Failed logins are audited, and an entry's address believes X-Forwarded-For only from a named proxy."""

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.testing.factories import PASSWORD

PROXY = "10.0.0.5"


def log_in(client, username, password, **meta):
    return client.post(reverse("login"), {"username": username, "password": password}, **meta)


def failed_logins():
    return AuditEntry.objects.filter(operation=Operation.LOGIN_FAILED)


def test_a_wrong_password_is_audited_against_the_account_and_its_service(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    log_in(client, user.username, "wrong", REMOTE_ADDR="192.0.2.10")
    (entry,) = failed_logins()
    assert (entry.who, entry.service, entry.object_id, entry.ip_address) == (
        "login",
        service,
        str(user.pk),
        "192.0.2.10",
    )
    assert entry.changes == {"username": user.username, "locked_out": False}


def test_an_unknown_username_is_audited_without_keeping_what_was_typed(client, db):
    log_in(client, "my-secret-password", "wrong")
    (entry,) = failed_logins()
    assert entry.object_id == "" and "my-secret-password" not in str(entry.changes)


def test_every_try_during_a_lockout_is_audited_as_locked_out_even_the_right_password(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    for _ in range(5):
        log_in(client, user.username, "wrong")
    log_in(client, user.username, PASSWORD)
    assert [entry.changes["locked_out"] for entry in failed_logins().order_by("id")] == [False] * 4 + [True, True]


def test_a_successful_login_is_not_a_failed_one(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    assert log_in(client, user.username, PASSWORD).status_code == 302
    assert not failed_logins().exists()


def test_the_forwarded_header_is_ignored_unless_a_trusted_proxy_sends_it(client, service, make_user, settings):
    user = make_user(service, Role.KEYWORKER)
    log_in(client, user.username, "wrong", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.9")
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]
    log_in(client, user.username, "wrong", REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert [entry.ip_address for entry in failed_logins().order_by("id")] == ["192.0.2.10", "192.0.2.10"]


@pytest.mark.parametrize(
    ("forwarded", "client_address"),
    [
        ("203.0.113.9", "203.0.113.9"),
        # The left-most hop is whatever the client wrote: only the one the proxy added counts.
        ("1.2.3.4, 203.0.113.9", "203.0.113.9"),
        (f"203.0.113.9, {PROXY}", "203.0.113.9"),
        ("not-an-address", PROXY),
        ("", PROXY),
    ],
)
def test_a_trusted_proxys_forwarded_header_gives_the_address(
    client, service, make_user, settings, forwarded, client_address
):
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]
    user = make_user(service, Role.KEYWORKER)
    log_in(client, user.username, "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert failed_logins().get().ip_address == client_address


def test_the_lockout_counts_the_address_the_trusted_proxy_names(client, service, make_user, settings):
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]
    user = make_user(service, Role.KEYWORKER)
    for guess in ["alice", "bob", "carol", "dave", "erin"]:
        log_in(client, guess, "wrong", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9")
    # Another person behind the same proxy is not locked out with the guesser.
    assert (
        log_in(client, user.username, PASSWORD, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7").status_code
        == 302
    )


def test_a_page_views_entry_takes_its_address_from_the_trusted_proxy(service, as_role, add_person, settings):
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]
    coordinator = as_role(Role.COORDINATOR)
    person = add_person(service, coordinator.user)
    coordinator.http.get(
        reverse("register:person", args=[person.pk]), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.9"
    )
    assert AuditEntry.objects.for_object(person).filter(operation="view").latest("id").ip_address == "203.0.113.9"


def test_an_administrator_sees_failed_logins_in_the_audit_log(client, service, make_user, as_role):
    user = make_user(service, Role.KEYWORKER)
    log_in(client, user.username, "wrong", REMOTE_ADDR="192.0.2.10")
    page = as_role(Role.ADMIN).http.get(reverse("audit:search"), {"operation": "login_fail"}).content.decode()
    assert "Failed to log in" in page and "192.0.2.10" in page
