"""The idle timeout (IdleTimeoutMiddleware): signed out after the service's minutes of inactivity,
the activity time written at most once a minute, the working day's limit kept absolute."""

import datetime
import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from keywork.accounts.middleware import LAST_ACTIVITY_KEY
from keywork.accounts.models import Role
from keywork.testing.api import bearer_headers
from keywork.testing.dates import NOW
from keywork.testing.factories import create_user
from keywork.testing.pages import logged_in

HOME = "/"


@pytest.fixture
def signed_in(service, clock):
    """A manager who signed in and opened the home page at NOW."""
    session = logged_in(create_user(service, Role.MANAGER))
    assert session.http.get(HOME).status_code == 200
    return session


def minutes(count: int) -> int:
    return count * 60


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def session_saved(response) -> bool:
    """The session is written (and its cookie sent again) only when something in it changed."""
    return settings.SESSION_COOKIE_NAME in response.cookies


def test_a_user_idle_for_the_services_timeout_is_signed_out_and_told_why(signed_in, clock):
    clock.shift(minutes(30))
    response = signed_in.http.get(reverse("register:list"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={reverse('register:list')}"
    assert not is_signed_in(signed_in.http)
    login_page = signed_in.http.get(response["Location"]).content.decode()
    assert (
        "You were signed out because you had not done anything for 30 minutes. Sign in again to continue." in login_page
    )


def test_a_user_active_within_the_timeout_stays_signed_in(signed_in, clock):
    for _ in range(4):
        clock.shift(minutes(29))
        assert signed_in.http.get(HOME).status_code == 200
    assert is_signed_in(signed_in.http)


def test_activity_is_written_to_the_session_at_most_once_a_minute(signed_in, clock):
    clock.shift(30)
    assert not session_saved(signed_in.http.get(HOME))
    clock.shift(29)
    assert not session_saved(signed_in.http.get(HOME))
    clock.shift(1)
    assert session_saved(signed_in.http.get(HOME))
    assert signed_in.http.session[LAST_ACTIVITY_KEY] == int(NOW.timestamp()) + 60


def test_the_services_own_timeout_is_honoured(signed_in, clock):
    signed_in.service.idle_timeout_minutes = 10
    signed_in.service.save()
    clock.shift(minutes(9))
    assert signed_in.http.get(HOME).status_code == 200
    clock.shift(minutes(10))
    response = signed_in.http.get(HOME)
    assert response.status_code == 302
    assert "not done anything for 10 minutes" in signed_in.http.get(response["Location"]).content.decode()


def test_the_working_days_limit_stays_absolute_while_activity_refreshes_the_session(signed_in, clock):
    working_day = settings.SESSION_COOKIE_AGE
    for _ in range(working_day // minutes(20) - 1):
        clock.shift(minutes(20))
        assert signed_in.http.get(HOME).status_code == 200
    clock.shift(minutes(21))
    assert signed_in.http.get(HOME).status_code == 302


@pytest.mark.parametrize("minutes_given", [4, 481])
def test_a_service_timeout_is_from_5_minutes_to_8_hours(service, minutes_given):
    service.idle_timeout_minutes = minutes_given
    with pytest.raises(ValidationError, match="idle_timeout_minutes"):
        service.full_clean()


def test_a_request_with_an_api_token_is_never_timed_out(signed_in, clock):
    headers = bearer_headers(signed_in.user)
    clock.shift(datetime.timedelta(hours=2))
    # The same browser's idle session cookie goes with it: the token, not the session, answers.
    response = signed_in.http.get("/api/people", **headers)
    assert response.status_code == 200
    assert signed_in.http.session[LAST_ACTIVITY_KEY] == int(NOW.timestamp())


def test_stay_signed_in_refreshes_the_activity_and_says_how_long_is_left(signed_in, clock):
    clock.shift(minutes(28))
    response = signed_in.http.post(reverse("keep_alive"))
    assert response.json() == {"seconds_left": minutes(30)}
    clock.shift(minutes(28))
    assert signed_in.http.get(HOME).status_code == 200


def test_stay_signed_in_cannot_bring_back_a_timed_out_session(signed_in, clock):
    clock.shift(minutes(31))
    assert signed_in.http.post(reverse("keep_alive")).status_code == 302
    assert not is_signed_in(signed_in.http)


def test_each_page_gives_its_warning_the_services_timeout(signed_in):
    page = signed_in.http.get(HOME).content.decode()
    assert f'data-idle-timeout-seconds="{minutes(30)}"' in page
    assert 'id="idle-warning"' in page
    assert "idle.js" in page
    signed_in.service.idle_timeout_minutes = 10
    signed_in.service.save()
    assert 'data-idle-timeout-seconds="600"' in signed_in.http.get(HOME).content.decode()


def test_pages_moments_apart_differ_only_by_their_script_nonce(signed_in, clock):
    """Pages compared in tests (search, refused access) rely on it: the warning adds nothing that
    changes from one response to the next."""

    def page() -> str:
        return re.sub(r' nonce="[^"]*"', "", signed_in.http.get(HOME).content.decode())

    first = page()
    clock.shift(5)
    assert page() == first


def test_a_page_for_someone_not_signed_in_has_no_warning(client, db):
    page = client.get(reverse("login")).content.decode()
    assert "data-idle-timeout-seconds" not in page
    assert "idle.js" not in page


def test_an_administrator_sets_their_services_timeout(service, other_service):
    admin = logged_in(create_user(service, Role.ADMIN))
    response = admin.http.post(reverse("idle_timeout"), {"idle_timeout_minutes": "15"}, follow=True)
    assert "Users of Kent and Medway are now signed out after 15 minutes without activity" in response.content.decode()
    service.refresh_from_db()
    other_service.refresh_from_db()
    assert (service.idle_timeout_minutes, other_service.idle_timeout_minutes) == (15, 30)


def test_a_timeout_outside_5_to_480_minutes_is_refused_in_words(service):
    admin = logged_in(create_user(service, Role.ADMIN))
    page = admin.http.post(reverse("idle_timeout"), {"idle_timeout_minutes": "481"}).content.decode()
    assert "There is a problem" in page
    assert "Number of minutes must be 480 or less" in page
    service.refresh_from_db()
    assert service.idle_timeout_minutes == 30


@pytest.mark.parametrize("role", [Role.MANAGER, Role.LEAD, Role.COORDINATOR])
def test_only_administrators_may_change_the_timeout(service, role):
    response = logged_in(create_user(service, role)).http.post(reverse("idle_timeout"), {"idle_timeout_minutes": "5"})
    assert response.status_code == 403


def test_a_page_asked_for_with_a_token_header_is_still_timed_out(signed_in, clock):
    headers = bearer_headers(signed_in.user)
    clock.shift(minutes(30))
    assert signed_in.http.get(HOME, **headers).status_code == 302
    assert not is_signed_in(signed_in.http)


def test_the_api_docs_do_not_open_to_an_idle_session_sent_with_a_bad_token(signed_in, clock):
    clock.shift(minutes(30))
    response = signed_in.http.get("/api/docs", HTTP_AUTHORIZATION="Bearer kw_not-a-token")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_session_from_before_the_timeout_existed_starts_counting_at_its_next_request(signed_in, clock):
    session = signed_in.http.session
    del session[LAST_ACTIVITY_KEY]
    session.save()
    clock.shift(minutes(45))
    assert signed_in.http.get(HOME).status_code == 200
    clock.shift(minutes(30))
    assert signed_in.http.get(HOME).status_code == 302


def test_signing_in_starts_the_clock_without_another_write_on_the_first_page(service, clock):
    session = logged_in(create_user(service, Role.MANAGER))
    assert session.http.session[LAST_ACTIVITY_KEY] == int(NOW.timestamp())
    assert not session_saved(session.http.get(HOME))
