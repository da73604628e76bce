from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from keywork.twofactor.rules import needs_second_factor


def second_factor_step(view):
    """Marks a page of the second step itself, which must open before the second factor is given."""
    view.second_factor_step = True
    return view


class SecondFactorMiddleware:
    """Until a user who logged in with a password gives their second factor, every page sends them
    to the second step, and the API does not count their session as signed in (its bearer tokens,
    checked by the API itself, are unaffected). After django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/") and needs_second_factor(request):
            request.user = AnonymousUser()
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            request.path_info.startswith("/api/")
            # Pages anyone may open (login, password reset, help, health) and the step's own pages.
            or not getattr(view_func, "login_required", True)
            or getattr(view_func, "second_factor_step", False)
            # Logging out is always allowed: someone else's phone, or the wrong account.
            or request.resolver_match.url_name == "logout"
            or not needs_second_factor(request)
        ):
            return None
        return redirect(f"{reverse('twofactor:security_code')}?{urlencode({'next': request.get_full_path()})}")
