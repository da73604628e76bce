"""API tokens: they expire, their last use is noted at most once a minute, and an administrator
revokes one from the tokens page or `manage.py revoke_api_token`; both are audited."""

import datetime
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from keywork.accounts.models import ApiToken, Role
from keywork.audit.models import AuditEntry, Operation
from keywork.testing.dates import NOW
from keywork.testing.factories import create_user
from keywork.testing.pages import logged_in

PEOPLE = "/api/people"


@pytest.fixture
def holder(service):
    return create_user(service, Role.COORDINATOR)


def bearer(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}


def revocations(token) -> list[AuditEntry]:
    return list(AuditEntry.objects.for_object(token).filter(operation=Operation.UPDATE))


def test_a_new_token_expires_after_90_days_unless_told_otherwise(holder, clock):
    assert ApiToken.issue(holder, "t")[0].expires_at == NOW + datetime.timedelta(days=90)
    assert ApiToken.issue(holder, "t", days=7)[0].expires_at == NOW + datetime.timedelta(days=7)


@pytest.mark.parametrize("days", [0, 366])
def test_a_token_lasts_from_a_day_to_a_year(holder, days):
    with pytest.raises(ValidationError, match="within 1 to 365 days"):
        ApiToken.issue(holder, "t", days=days)
    assert not ApiToken.objects.exists()


def test_an_expired_token_is_refused_with_a_message_naming_the_day(client, holder, clock):
    _, token = ApiToken.issue(holder, "t", days=30)
    clock.shift(datetime.timedelta(days=30))
    response = client.get(PEOPLE, **bearer(token))
    assert response.status_code == 401
    day = NOW + datetime.timedelta(days=30)
    expected = f"This API token expired on {day.day} {day:%B %Y}. Ask an administrator for a new token."
    assert response.json() == {"detail": expected}


def test_a_token_works_until_it_expires(client, holder, clock):
    _, token = ApiToken.issue(holder, "t", days=30)
    clock.shift(datetime.timedelta(days=30) - datetime.timedelta(seconds=1))
    assert client.get(PEOPLE, **bearer(token)).status_code == 200


def test_last_use_is_written_at_most_once_a_minute(client, holder, clock):
    issued, token = ApiToken.issue(holder, "t")
    client.get(PEOPLE, **bearer(token))
    issued.refresh_from_db()
    assert issued.last_used_at == NOW
    clock.shift(59)
    client.get(PEOPLE, **bearer(token))
    issued.refresh_from_db()
    assert issued.last_used_at == NOW
    clock.shift(1)
    client.get(PEOPLE, **bearer(token))
    issued.refresh_from_db()
    assert issued.last_used_at == NOW + datetime.timedelta(minutes=1)


def test_the_create_command_gives_the_expiry_chosen(holder, clock):
    err = StringIO()
    call_command("create_api_token", holder.username, "--days", "30", stdout=StringIO(), stderr=err)
    assert ApiToken.objects.get().expires_at == NOW + datetime.timedelta(days=30)
    expires = NOW + datetime.timedelta(days=30)
    assert f"It expires on {expires.day} {expires:%B %Y}." in err.getvalue()


def test_the_create_command_refuses_a_token_for_more_than_a_year(holder):
    with pytest.raises(CommandError, match="within 1 to 365 days"):
        call_command("create_api_token", holder.username, "--days", "400", stdout=StringIO())


@pytest.mark.parametrize("named_by", ["number", "prefix", "token"])
def test_the_revoke_command_revokes_a_token_named_by_its_number_prefix_or_itself(client, holder, named_by):
    issued, token = ApiToken.issue(holder, "reporting script")
    given = {"number": str(issued.pk), "prefix": issued.prefix, "token": token}[named_by]
    out = StringIO()
    call_command("revoke_api_token", given, stdout=out)
    assert f"Token {issued.pk} ('reporting script', of {holder.username}) is revoked" in out.getvalue()
    assert client.get(PEOPLE, **bearer(token)).status_code == 401
    [entry] = revocations(issued)
    assert entry.system_process == "revoke_api_token"
    assert entry.service == holder.service


def test_the_revoke_command_fails_for_an_unknown_token(holder):
    ApiToken.issue(holder, "t")
    with pytest.raises(CommandError, match="No API token is numbered or starts 'kw_nothing'"):
        call_command("revoke_api_token", "kw_nothing", stdout=StringIO())
    assert not ApiToken.objects.filter(revoked_at__isnull=False).exists()


def test_revoking_a_revoked_token_again_says_so_and_is_not_audited_twice(holder):
    issued, _ = ApiToken.issue(holder, "t")
    call_command("revoke_api_token", str(issued.pk), stdout=StringIO())
    out = StringIO()
    call_command("revoke_api_token", str(issued.pk), stdout=out)
    assert "was already revoked on" in out.getvalue()
    assert len(revocations(issued)) == 1


def test_an_administrator_sees_their_services_tokens_and_no_other(service, other_service, holder):
    ApiToken.issue(holder, "reporting script")
    ApiToken.issue(create_user(other_service, Role.COORDINATOR), "another area's script")
    page = logged_in(create_user(service, Role.ADMIN)).http.get(reverse("api_tokens:list")).content.decode()
    assert "reporting script" in page
    assert holder.display_name in page
    assert "Active" in page
    assert "Never" in page
    assert "another area" not in page


@pytest.mark.parametrize("role", [Role.MANAGER, Role.LEAD, Role.COORDINATOR, Role.KEYWORKER])
def test_only_administrators_may_open_the_tokens_page(service, role):
    assert logged_in(create_user(service, role)).http.get(reverse("api_tokens:list")).status_code == 403


def test_an_administrator_revokes_a_token_after_confirming(client, service, holder):
    issued, token = ApiToken.issue(holder, "reporting script")
    admin = logged_in(create_user(service, Role.ADMIN))
    address = reverse("api_tokens:revoke", kwargs={"token_id": issued.pk})
    assert "Revoke the token ‘reporting script’" in admin.http.get(address).content.decode()
    assert client.get(PEOPLE, **bearer(token)).status_code == 200
    response = admin.http.post(address, follow=True)
    assert "is revoked" in response.content.decode()
    assert client.get(PEOPLE, **bearer(token)).status_code == 401
    [entry] = revocations(issued)
    assert entry.actor == admin.user


def test_another_services_token_is_not_found(service, other_service):
    issued, _ = ApiToken.issue(create_user(other_service, Role.COORDINATOR), "t")
    admin = logged_in(create_user(service, Role.ADMIN))
    address = reverse("api_tokens:revoke", kwargs={"token_id": issued.pk})
    assert admin.http.get(address).status_code == 404
    assert admin.http.post(address).status_code == 404
    issued.refresh_from_db()
    assert issued.revoked_at is None
