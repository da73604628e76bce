from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from keywork.services.models import Service
from keywork.sso import claims as rules
from keywork.sso.auditing import record_signed_in
from keywork.sso.models import SSOIdentity
from keywork.sso.refusals import SignInRefused


class SSOBackend(OIDCAuthenticationBackend):
    """mozilla-django-oidc's authorisation-code sign-in (signature, nonce and PKCE checked there),
    finding the account by the organisation account's issuer and subject (SSOIdentity), never by
    e-mail address, and setting its role and service from the claims on every sign-in.

    A refusal raises SignInRefused, which the callback view turns into a page and an audit entry."""

    def authenticate(self, request, **kwargs):
        # Only the callback passes a nonce: a password login's POST is never taken for a code exchange.
        if "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def get_userinfo(self, access_token, id_token, payload):
        # The signed ID token's claims: Entra ID puts roles, tid and amr there, not in its userinfo.
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        return self.user_for_claims(self.request, payload)

    def user_for_claims(self, request, claims: dict):
        rules.check_issued_to_us(claims)
        identity = SSOIdentity.find(claims)
        try:
            return self._sign_in(request, claims, identity)
        except SignInRefused as refusal:
            refusal.claims, refusal.identity = claims, identity
            raise

    def _sign_in(self, request, claims: dict, identity: SSOIdentity | None):
        if identity is not None and not identity.user.is_active:
            raise SignInRefused("account_off")
        if settings.SSO_REQUIRE_MFA and not rules.gave_second_factor(claims):
            raise SignInRefused("no_second_factor")
        grant = rules.grant_from(claims)
        service = Service.objects.filter(slug=rules.service_slug_from(claims)).first()
        if service is None:
            raise SignInRefused("unknown_service")
        details = rules.account_details(claims, grant, service)
        with transaction.atomic():
            if identity is None:
                identity = SSOIdentity.create_account(claims, details)
                record_signed_in(request, identity, created=True, changed=details)
            else:
                record_signed_in(request, identity, created=False, changed=identity.update_account(details))
        return identity.user

    def get_user(self, user_id):
        # Django's, which mozilla-django-oidc replaces with one that ignores is_active: an account
        # switched off is signed out at its next page.
        return ModelBackend.get_user(self, user_id)
