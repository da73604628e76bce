from django.conf import settings


def single_sign_on(request) -> dict:
    """Whether the login page offers "Sign in with your organisation account" (settings.SSO_ENABLED)."""
    return {"sso_enabled": settings.SSO_ENABLED}
