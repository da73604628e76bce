"""Logging in with a password, then a second factor: setting up an authenticator app, its codes,
recovery codes, and who is not asked."""

import pytest
from django.test import Client
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.testing.api import bearer_headers
from keywork.testing.factories import PASSWORD
from keywork.testing.twofactor import code_now, set_up_authenticator
from keywork.twofactor import devices
from keywork.twofactor.rules import SIGNED_IN_WITH_SESSION_KEY, SINGLE_SIGN_ON

SECURITY_CODE = reverse("twofactor:security_code")
SET_UP = reverse("twofactor:set_up")
RECOVERY_CODE = reverse("twofactor:recovery_code")
NEW_RECOVERY_CODES = reverse("twofactor:new_recovery_codes")


@pytest.fixture
def user(service, make_user):
    return make_user(service, Role.COORDINATOR)


def log_in_with_password(client, user, next_page="/register/"):
    """The login page as a person uses it, from the page they first asked for; → the page it ends on."""
    response = client.post(f"{reverse('login')}?next={next_page}", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get(response.url, follow=True)


def two_factor_entries(operation):
    return [entry.changes for entry in AuditEntry.objects.filter(operation=operation) if "two_factor" in entry.changes]


def test_after_the_password_a_user_without_an_app_is_asked_to_set_one_up(client, user):
    page = log_in_with_password(client, user)
    assert page.request["PATH_INFO"] == SET_UP
    text = page.content.decode()
    assert "Set up two-factor sign-in" in text and reverse("twofactor:qr_code") in text


def test_setting_up_shows_the_key_in_groups_of_four_and_keeps_it_on_reload(client, user):
    log_in_with_password(client, user)
    first = client.get(SET_UP).context["secret"]
    assert client.get(SET_UP).context["secret"] == first
    assert [len(group) for group in first.split(" ")] == [4] * 8


def test_setting_up_writes_out_the_account_and_key_to_type_as_text_not_markup(client, user):
    text = log_in_with_password(client, user).content.decode()
    assert f"<code>{user.username}</code>" in text and "&lt;code&gt;" not in text


def test_the_qr_code_is_an_svg_image_of_the_app_being_set_up(client, user):
    log_in_with_password(client, user)
    response = client.get(reverse("twofactor:qr_code"))
    assert response["Content-Type"] == "image/svg+xml" and b"<svg" in response.content


def test_the_code_box_is_filled_from_the_app_with_a_number_keypad(client, user):
    log_in_with_password(client, user)
    text = client.get(SET_UP).content.decode()
    assert 'autocomplete="one-time-code"' in text and 'inputmode="numeric"' in text
    assert '<label class="nhsuk-label" for="id_code">' in text


def test_a_right_code_sets_up_the_app_and_shows_ten_recovery_codes_once(client, user):
    log_in_with_password(client, user)
    client.get(f"{SET_UP}?next=/register/")
    device = devices.authenticator_being_set_up(user)
    response = client.post(f"{SET_UP}?next=/register/", {"code": code_now(device)})
    assert response.status_code == 302 and response.url == f"{NEW_RECOVERY_CODES}?next=%2Fregister%2F"
    codes = client.get(response.url).context["codes"]
    assert len(codes) == 10 and devices.recovery_codes_left(user) == 10
    assert client.post(response.url).url == "/register/"
    assert client.get(NEW_RECOVERY_CODES).status_code == 302
    assert client.get("/register/").status_code == 200
    assert two_factor_entries(Operation.CREATE) == [{"two_factor": "authenticator app set up"}]


def test_a_wrong_code_is_refused_with_an_error_summary_and_audited(client, user):
    device, _ = set_up_authenticator(user)
    log_in_with_password(client, user)
    wrong = f"{(int(code_now(device)) + 1) % 1_000_000:06d}"
    page = client.post(SECURITY_CODE, {"code": wrong})
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text and 'href="#id_code"' in text
    assert "The security code is not right" in text
    assert two_factor_entries(Operation.LOGIN_FAILED) == [{"two_factor": "wrong security code"}]
    assert client.get("/register/").status_code == 302


def test_a_code_that_is_not_six_numbers_is_refused_saying_so(client, user):
    set_up_authenticator(user)
    log_in_with_password(client, user)
    page = client.post(SECURITY_CODE, {"code": "12ab"})
    assert "The security code must be 6 numbers, like 123456" in page.content.decode()


def test_a_user_with_an_app_gives_its_code_and_reaches_the_page_first_asked_for(client, user):
    device, _ = set_up_authenticator(user)
    page = log_in_with_password(client, user, next_page="/register/")
    assert page.request["PATH_INFO"] == SECURITY_CODE
    response = client.post(f"{SECURITY_CODE}?next=/register/", {"code": code_now(device)})
    assert response.url == "/register/" and client.get("/register/").status_code == 200


def test_every_page_and_the_api_session_lead_to_the_second_step_until_it_is_given(client, user):
    set_up_authenticator(user)
    log_in_with_password(client, user)
    for page in ("/", "/register/", reverse("choose_service"), "/audit/"):
        response = client.get(page)
        assert response.status_code == 302 and response.url.startswith(f"{SECURITY_CODE}?next="), page
    # The API's description needs a signed-in user: a session without its second factor is not one.
    assert client.get("/api/openapi.json").status_code == 401


def test_an_api_token_works_without_a_second_factor(user):
    set_up_authenticator(user)
    response = Client().get("/api/openapi.json", **bearer_headers(user))
    assert response.status_code == 200


def test_logging_out_and_the_help_pages_open_before_the_second_factor(client, user):
    set_up_authenticator(user)
    log_in_with_password(client, user)
    assert client.get(reverse("logout")).status_code == 200
    assert client.get(reverse("siteinfo:help")).status_code == 200


def test_a_recovery_code_logs_in_once_only_and_says_how_many_are_left(client, user):
    _, codes = set_up_authenticator(user)
    page = log_in_with_password(client, user)
    assert RECOVERY_CODE in page.content.decode()  # "Use a recovery code"
    typed = devices.recovery_code_shown(codes[0]).upper()  # as printed, in capitals
    page = client.post(f"{RECOVERY_CODE}?next=/register/", {"code": typed}, follow=True)
    assert page.request["PATH_INFO"] == "/register/" and "You have 9 recovery codes left" in page.content.decode()
    assert two_factor_entries(Operation.UPDATE) == [{"two_factor": "recovery code used", "recovery_codes_left": 9}]

    again = Client()
    log_in_with_password(again, user)
    page = again.post(RECOVERY_CODE, {"code": codes[0]})
    assert page.status_code == 200 and "The recovery code is not right, or has been used" in page.content.decode()
    assert again.get("/register/").status_code == 302


def test_after_wrong_codes_the_next_is_not_checked_for_a_while(client, user, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 1
    device, _ = set_up_authenticator(user)
    log_in_with_password(client, user)
    client.post(SECURITY_CODE, {"code": "000000"})
    page = client.post(SECURITY_CODE, {"code": code_now(device)})
    assert "You have entered a wrong code too many times. Wait 1 second, then try again" in page.content.decode()


def test_with_the_setting_off_the_password_is_enough(client, user, settings):
    settings.TWO_FACTOR_REQUIRED = False
    page = log_in_with_password(client, user)
    assert page.request["PATH_INFO"] == "/register/" and page.status_code == 200


def test_a_user_who_signed_in_through_single_sign_on_is_not_asked_for_a_local_code(client, user):
    set_up_authenticator(user)
    client.force_login(user)
    session = client.session
    session[SIGNED_IN_WITH_SESSION_KEY] = SINGLE_SIGN_ON
    session.save()
    assert client.get("/register/").status_code == 200
