"""Single sign-on with OpenID Connect (mozilla-django-oidc): staff sign in with their organisation
account, for example Microsoft Entra ID, and the provider's claims set their role and service.
Off unless settings.SSO_ENABLED (an OIDC client is configured; docs/deployment.md)."""
