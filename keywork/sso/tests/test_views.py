from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import NoReverseMatch, reverse

from keywork.audit.models import AuditEntry, Operation

SIGN_IN_BUTTON = "Sign in with your organisation account"


def test_without_an_identity_provider_there_is_no_single_sign_on(client, db):
    assert SIGN_IN_BUTTON not in client.get("/login/").content.decode()
    assert client.get("/sso/sign-in/").status_code == 404
    with pytest.raises(NoReverseMatch):
        reverse("sso:sign_in")


def test_the_login_page_offers_single_sign_on_keeping_the_page_asked_for(client, single_sign_on):
    page = client.get("/login/?next=/register/").content.decode()
    assert SIGN_IN_BUTTON in page
    assert 'href="/sso/sign-in/?next=%2Fregister%2F"' in page


def test_signing_in_sends_the_browser_to_the_provider_with_a_state_and_pkce(client, single_sign_on):
    response = client.get("/sso/sign-in/")
    assert response.status_code == 302
    sent = urlsplit(response["Location"])
    asked = parse_qs(sent.query)
    assert f"{sent.scheme}://{sent.netloc}{sent.path}" == single_sign_on.OIDC_OP_AUTHORIZATION_ENDPOINT
    assert asked["redirect_uri"] == ["http://testserver/sso/callback/"]
    assert asked["code_challenge_method"] == ["S256"]
    assert asked["state"][0] in client.session["oidc_states"]


def test_a_sign_in_the_provider_refused_ends_on_our_page_and_in_the_audit_log(client, single_sign_on):
    response = client.get("/sso/callback/?error=access_denied&state=abc")
    assert response.status_code == 403
    assert "<h1>You did not sign in</h1>" in response.content.decode()
    entry = AuditEntry.objects.get(operation=Operation.LOGIN_FAILED)
    assert (entry.system_process, entry.changes["reason"], entry.changes["provider_error"]) == (
        "sso",
        "cancelled",
        "access_denied",
    )


def test_a_return_to_a_sign_in_this_browser_never_started_says_it_expired(client, single_sign_on):
    client.get("/sso/sign-in/")
    response = client.get("/sso/callback/?code=abc&state=not-the-state-sent")
    assert response.status_code == 400
    assert "<h1>Your sign-in has expired</h1>" in response.content.decode()
    assert AuditEntry.objects.get(operation=Operation.LOGIN_FAILED).changes["reason"] == "expired"


def test_a_provider_that_cannot_be_reached_ends_on_our_page(client, single_sign_on):
    # Port 9 (discard) on loopback: nothing listens, so the token request is refused at once.
    single_sign_on.OIDC_OP_TOKEN_ENDPOINT = "http://127.0.0.1:9/token"
    state = parse_qs(urlsplit(client.get("/sso/sign-in/")["Location"]).query)["state"][0]
    response = client.get(f"/sso/callback/?code=abc&state={state}")
    assert response.status_code == 502
    assert "<h1>Keywork could not confirm who you are</h1>" in response.content.decode()
