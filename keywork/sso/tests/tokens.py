"""An ID token's claims, and a provider's endpoints, for the single sign-on tests."""

from keywork.sso.tests.provider.people import CLIENT_ID, TENANT

ISSUER = "https://login.example/organisation/v2.0"


def use_provider(settings, issuer: str) -> None:
    """The endpoints of a django-oidc-provider site whose issuer is `issuer`."""
    settings.OIDC_OP_ISSUER = issuer
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"


def claims_of(**changes) -> dict:
    """An ID token's claims for a manager in the mapped tenant who gave a second factor."""
    return {
        "iss": ISSUER,
        "aud": CLIENT_ID,
        "sub": "f3Jk9-subject-of-kim",
        "preferred_username": "kim.jones@council.example",
        "name": "Kim Jones",
        "email": "kim.jones@council.example",
        "roles": ["Keywork.Manager"],
        "tid": TENANT,
        "amr": ["pwd", "mfa"],
        **changes,
    }
