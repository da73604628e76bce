"""The two ends of a single sign-on: sending the browser to the organisation's sign-in service,
and its return. Every way it can go wrong ends on a page of ours that says what to do, and in the
audit log; never on the framework's error page."""

import jwt
import requests
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import render
from django.utils.decorators import method_decorator
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from keywork.sso.auditing import record_refused
from keywork.sso.refusals import SignInRefused
from keywork.twofactor.rules import SIGNED_IN_WITH_SESSION_KEY, SINGLE_SIGN_ON


@method_decorator(login_not_required, name="dispatch")
class SignInView(OIDCAuthenticationRequestView):
    def get_extra_params(self, request):
        # Asks the provider for a sign-in that meets one of these authentication contexts (OpenID
        # Connect Core 1.0, 3.1.2.1); the returned token is still checked (claims.gave_second_factor).
        if settings.SSO_REQUIRE_MFA and settings.SSO_MFA_ACR_VALUES:
            return {"acr_values": " ".join(settings.SSO_MFA_ACR_VALUES)}
        return {}


@method_decorator(login_not_required, name="dispatch")
class CallbackView(OIDCAuthenticationCallbackView):
    def get(self, request):
        if "code" in request.GET and request.GET.get("state") not in request.session.get("oidc_states", {}):
            # A sign-in not started in this browser, or already used: mozilla-django-oidc would raise.
            return refused(request, SignInRefused("expired"))
        try:
            return super().get(request)
        except SignInRefused as refusal:
            return refused(request, refusal)
        except (SuspiciousOperation, jwt.PyJWTError, requests.RequestException):
            # The token's signature, nonce or keys did not check out, or the provider refused the
            # code or could not be reached.
            return refused(request, SignInRefused("unconfirmed"))

    def login_failure(self):
        # The provider's error (the person cancelled, or is not allowed to use the app), or a return
        # to a session that never started a sign-in (it expired, or another window used it).
        return refused(self.request, SignInRefused("cancelled" if self.request.GET.get("error") else "expired"))

    def login_success(self):
        response = super().login_success()
        # The identity provider asked for any second factor: keywork/twofactor asks for no local one.
        self.request.session[SIGNED_IN_WITH_SESSION_KEY] = SINGLE_SIGN_ON
        return response


def refused(request, refusal: SignInRefused):
    record_refused(request, refusal)
    reason = refusal.explained
    context = {"page_title": reason.heading, "reason": reason}
    return render(request, "sso/refused.jinja", context, status=reason.status)
