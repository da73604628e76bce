import pytest

from keywork.sso.tests.provider.people import CLIENT_ID, CLIENT_SECRET, TENANT
from keywork.sso.tests.tokens import ISSUER, use_provider


@pytest.fixture
def single_sign_on(settings, service):
    """Keywork with single sign-on configured as settings.py would from the environment: the
    provider's "Keywork.Manager" and "Keywork.PeerAssociate" roles, and its tenant as `service`,
    with a second factor required."""
    settings.SSO_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    use_provider(settings, ISSUER)
    settings.SSO_ROLE_MAP = {"Keywork.Manager": "manager", "Keywork.PeerAssociate": "keyworker:peer_associate"}
    settings.SSO_SERVICE_MAP = {TENANT: service.slug}
    settings.SSO_REQUIRE_MFA = True
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, "keywork.sso.backends.SSOBackend"]
    settings.ROOT_URLCONF = "keywork.sso.tests.urls"
    return settings
