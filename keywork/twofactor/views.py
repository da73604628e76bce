"""The second step of logging in: setting up an authenticator app, entering its code or a recovery
code, and seeing new recovery codes once. The middleware sends every page here until it is done."""

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import RedirectURLMixin
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.generic import FormView

from keywork import audit
from keywork.audit.models import Operation
from keywork.presenters import plural
from keywork.twofactor import devices
from keywork.twofactor.forms import WRONG_CODE, RecoveryCodeForm, SecurityCodeForm
from keywork.twofactor.middleware import second_factor_step
from keywork.twofactor.rules import needs_second_factor

# The new recovery codes, kept in the session only until the user says they have saved them.
NEW_RECOVERY_CODES_SESSION_KEY = "twofactor_new_recovery_codes"


def _audit(request, operation: str, obj, event: str, **details) -> None:
    audit.record(audit.Actor.from_request(request), operation, obj, changes={"two_factor": event, **details})


class _Step(RedirectURLMixin, View):
    """A page of the journey, passing `next` (the page first asked for) from one page to the next."""

    next_page = settings.LOGIN_REDIRECT_URL

    def url_keeping_next(self, url_name: str) -> str:
        next_url = self.get_redirect_url()
        return reverse(url_name) + (f"?{urlencode({'next': next_url})}" if next_url else "")


class _CodeStep(_Step, FormView):
    """A page asking for a code from the device `device_for` finds; a right code completes the
    second step. Without that device the user is sent to `page_without_device`."""

    wrong_code_event = ""
    page_without_device = ""

    def device_for(self, user):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        if not needs_second_factor(request):
            return redirect(self.get_success_url())
        self.device = self.device_for(request.user)
        if self.device is None:
            return redirect(self.url_keeping_next(self.page_without_device))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(page_title=self.page_title, **kwargs)

    def get_form_kwargs(self):
        return super().get_form_kwargs() | {"device": self.device}

    def form_invalid(self, form):
        if form.has_error("code", WRONG_CODE):
            _audit(self.request, Operation.LOGIN_FAILED, self.request.user, self.wrong_code_event)
        return super().form_invalid(form)

    def verified(self):
        # Marks this session as having given its second factor (django-otp's OTPMiddleware reads it).
        django_otp.login(self.request, self.device)


@method_decorator(second_factor_step, name="dispatch")
class EnterSecurityCode(_CodeStep):
    form_class = SecurityCodeForm
    template_name = "twofactor/security_code.jinja"
    page_title = "Enter your security code"
    wrong_code_event = "wrong security code"
    page_without_device = "twofactor:set_up"

    def device_for(self, user):
        return devices.authenticator_for(user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(recovery_url=self.url_keeping_next("twofactor:recovery_code"), **kwargs)

    def form_valid(self, form):
        self.verified()
        return redirect(self.get_success_url())


@method_decorator(second_factor_step, name="dispatch")
class EnterRecoveryCode(_CodeStep):
    form_class = RecoveryCodeForm
    template_name = "twofactor/recovery_code.jinja"
    page_title = "Enter a recovery code"
    wrong_code_event = "wrong recovery code"
    page_without_device = "twofactor:security_code"

    def device_for(self, user):
        return devices.recovery_codes_for(user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(security_code_url=self.url_keeping_next("twofactor:security_code"), **kwargs)

    def form_valid(self, form):
        self.verified()
        left = self.device.token_set.count()
        _audit(self.request, Operation.UPDATE, self.device, "recovery code used", recovery_codes_left=left)
        messages.success(
            self.request,
            f"You have {plural(left, 'recovery code')} left. If you have lost your phone, ask your "
            "service's administrator to reset two-factor sign-in",
        )
        return redirect(self.get_success_url())


@method_decorator(second_factor_step, name="dispatch")
class SetUpAuthenticator(_CodeStep):
    form_class = SecurityCodeForm
    template_name = "twofactor/set_up.jinja"
    page_title = "Set up two-factor sign-in"
    wrong_code_event = "wrong security code while setting up"
    # Set up already: the app's code is asked for instead.
    page_without_device = "twofactor:security_code"

    def device_for(self, user):
        return None if devices.authenticator_for(user) else devices.authenticator_being_set_up(user)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            secret=devices.secret_in_groups(self.device), username=self.request.user.get_username(), **kwargs
        )

    def form_valid(self, form):
        codes = devices.confirm(self.device)
        self.verified()
        _audit(self.request, Operation.CREATE, self.device, "authenticator app set up")
        self.request.session[NEW_RECOVERY_CODES_SESSION_KEY] = codes
        return redirect(self.url_keeping_next("twofactor:new_recovery_codes"))


@second_factor_step
def qr_code(request):
    """The QR code of the authenticator app being set up (an image: the page's CSP allows no data: URL)."""
    if not needs_second_factor(request) or devices.authenticator_for(request.user) is not None:
        raise Http404
    return HttpResponse(devices.qr_code_svg(devices.authenticator_being_set_up(request.user)), "image/svg+xml")


class NewRecoveryCodes(_Step):
    """Shows the codes just made, until the user says they have saved them; then never again."""

    page_title = "Save your recovery codes"

    def get(self, request):
        codes = request.session.get(NEW_RECOVERY_CODES_SESSION_KEY)
        if not codes:
            return redirect(self.get_success_url())
        shown = [devices.recovery_code_shown(code) for code in codes]
        return render(request, "twofactor/new_recovery_codes.jinja", {"page_title": self.page_title, "codes": shown})

    def post(self, request):
        request.session.pop(NEW_RECOVERY_CODES_SESSION_KEY, None)
        return redirect(self.get_success_url())
