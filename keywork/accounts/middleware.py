import datetime
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login

from keywork.presenters import plural
from keywork.services.models import IDLE_TIMEOUT_DEFAULT_MINUTES


class LoginRequiredExceptApiMiddleware(LoginRequiredMiddleware):
    """Pages need a logged-in user; the API authenticates by its own bearer tokens instead."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


SESSION_SERVICE_KEY = "service_id"


def service_for(user, chosen_id=None):
    """The service a user acts in: the one chosen (if they may act in it) or their own."""
    services = user.services_managed()
    for service in services:
        if service.pk == chosen_id:
            return service
    return services[0] if services else None


class CurrentServiceMiddleware:
    """Sets request.service, the one service every query of this request is scoped to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.service = None
        if request.user.is_authenticated:
            request.service = service_for(request.user, request.session.get(SESSION_SERVICE_KEY))
        return self.get_response(request)


# The session records the user's last activity at most this often: writing it on every request
# would save the session (a database write) on every page and every request a page's script makes.
ACTIVITY_REFRESH_SECONDS = 60
LAST_ACTIVITY_KEY = "last_activity"


def idle_timeout_seconds(service) -> int:
    minutes = service.idle_timeout_minutes if service else IDLE_TIMEOUT_DEFAULT_MINUTES
    return minutes * 60


def minutes_in_words(minutes: int) -> str:
    """'30 minutes', '1 hour', '8 hours', '90 minutes'.

    >>> minutes_in_words(30), minutes_in_words(60), minutes_in_words(480), minutes_in_words(90)
    ('30 minutes', '1 hour', '8 hours', '90 minutes')
    """
    if minutes % 60 == 0:
        return plural(minutes // 60, "hour")
    return plural(minutes, "minute")


def answered_by_a_token(request) -> bool:
    """An API request with a bearer token: the token alone answers it (keywork/api.py)."""
    return request.path_info.startswith("/api/") and request.headers.get("Authorization", "").lower().startswith(
        "bearer "
    )


def start_session_clocks(request, **signal_arguments) -> None:
    """On signing in (Django's user_logged_in signal, connected in apps.py): the idle timeout counts
    from now, and so does the working day's limit, set as a fixed time rather than a number of
    seconds so that refreshing the activity time does not move it."""
    request.session.set_expiry(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE))
    request.session[LAST_ACTIVITY_KEY] = int(time.time())


class IdleTimeoutMiddleware:
    """Signs out a user who has done nothing for their service's idle timeout and sends them to the
    login page saying why; besides the session's absolute limit of a working day, which refreshing
    the activity time must not stretch. An API request with a bearer token is not the session's
    activity and is never timed out. Sets `request.idle_timeout_seconds` for the page's warning, and
    `request.idle_seconds_left`, which "Stay signed in" answers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if answered_by_a_token(request):
            # Any browser session sent with it is neither timed out nor refreshed, and does not
            # count: a page or the API's docs cannot escape the timeout by adding a token header.
            request.user = AnonymousUser()
            return self.get_response(request)
        if request.user.is_authenticated:
            signed_out = self.check_activity(request)
            if signed_out:
                return signed_out
        return self.get_response(request)

    def check_activity(self, request):
        now = int(time.time())
        timeout = idle_timeout_seconds(request.service)
        last = request.session.get(LAST_ACTIVITY_KEY)
        if last is None:
            # Signed in before the timeout existed: both clocks start now.
            start_session_clocks(request)
            last = now
        if now - last >= timeout:
            return self.sign_out(request, timeout)
        if now - last >= ACTIVITY_REFRESH_SECONDS:
            request.session[LAST_ACTIVITY_KEY] = last = now
        request.idle_seconds_left = last + timeout - now
        request.idle_timeout_seconds = timeout
        return None

    def sign_out(self, request, timeout: int):
        logout(request)
        idle = minutes_in_words(timeout // 60)
        messages.info(
            request, f"You were signed out because you had not done anything for {idle}. Sign in again to continue."
        )
        return redirect_to_login(request.get_full_path())
