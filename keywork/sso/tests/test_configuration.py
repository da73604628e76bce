"""Single sign-on set up wrongly stops Keywork starting, rather than refusing everyone at sign-in.
Each case starts Django afresh in a subprocess, with the environment a deployment would set."""

import os
import subprocess
import sys

import pytest

from keywork.sso.tests.tokens import ISSUER

pytestmark = pytest.mark.once

PROVIDER = {
    "OIDC_RP_CLIENT_ID": "keywork",
    "OIDC_RP_CLIENT_SECRET": "a-secret",
    "OIDC_OP_ISSUER": ISSUER,
    "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{ISSUER}/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": f"{ISSUER}/token",
    "OIDC_OP_JWKS_ENDPOINT": f"{ISSUER}/jwks",
    "SSO_ROLE_MAP": '{"Keywork.Manager": "manager"}',
    "SSO_SERVICE_MAP": '{"tenant": "kent-medway"}',
}


def start_django(**environment) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - this interpreter, starting Django
        [sys.executable, "-c", "import django; django.setup()"],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "keywork.settings", "DEBUG": "true", **environment},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_complete_configuration_starts():
    assert start_django(**PROVIDER).returncode == 0


def test_a_client_without_the_providers_endpoints_stops_start_up_naming_them():
    started = start_django(**{**PROVIDER, "OIDC_OP_TOKEN_ENDPOINT": "", "OIDC_OP_JWKS_ENDPOINT": ""})
    assert started.returncode != 0
    assert "Single sign-on needs OIDC_OP_TOKEN_ENDPOINT, OIDC_OP_JWKS_ENDPOINT" in started.stderr


def test_a_role_map_naming_no_keywork_role_stops_start_up():
    started = start_django(**{**PROVIDER, "SSO_ROLE_MAP": '{"Keywork.Manager": "boss"}'})
    assert started.returncode != 0
    assert "SSO_ROLE_MAP: 'boss' is not a Keywork role" in started.stderr


def test_a_role_map_that_is_not_json_stops_start_up():
    started = start_django(**{**PROVIDER, "SSO_ROLE_MAP": "Keywork.Manager=manager"})
    assert started.returncode != 0
    assert "SSO_ROLE_MAP must be a JSON object" in started.stderr
