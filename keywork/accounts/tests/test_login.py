import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.testing.factories import PASSWORD


def log_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_a_user_logs_in_with_their_password(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    response = log_in(client, user.username)
    assert response.status_code == 302 and response.url == reverse("home")


def test_a_wrong_password_is_refused_with_an_error_summary(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    response = log_in(client, user.username, "wrong")
    assert response.status_code == 200 and "There is a problem" in response.content.decode()


def test_a_demo_user_cannot_log_in_outside_demo_mode(client, service, make_user, settings):
    user = make_user(service, Role.ADMIN)
    user.is_demo = True
    user.save()
    settings.DEMO = False
    assert log_in(client, user.username).status_code == 200
    settings.DEMO = True
    assert log_in(client, user.username).status_code == 302


def test_a_user_without_a_service_cannot_log_in(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    user.service = None
    user.save()
    assert log_in(client, user.username).status_code == 200


def test_passwords_are_hashed_with_argon2_outside_tests():
    import keywork.settings

    assert keywork.settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_logging_out_needs_a_post_and_ends_the_session(client, service, make_user):
    user = make_user(service, Role.KEYWORKER)
    client.force_login(user)
    assert client.get(reverse("logout")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("register:list")).status_code == 302


def test_an_administrator_of_two_services_can_switch_between_them(service, other_service, as_role):
    admin = as_role(Role.ADMIN)
    admin.user.other_services.add(other_service)
    admin.http.post(reverse("choose_service"), {"service": other_service.pk})
    assert admin.http.get(reverse("home")).wsgi_request.service == other_service


def test_a_user_cannot_switch_to_a_service_they_do_not_manage(service, other_service, as_role):
    manager = as_role(Role.MANAGER)
    response = manager.http.post(reverse("choose_service"), {"service": other_service.pk})
    assert response.status_code == 200
    assert manager.http.get(reverse("home")).wsgi_request.service == service


def test_demo_mode_is_refused_without_debug(monkeypatch):
    import importlib

    import keywork.settings

    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("KEYWORK_DEMO", "true")
    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    with pytest.raises(ImproperlyConfigured, match="never in production"):
        importlib.reload(keywork.settings)
    monkeypatch.undo()
    importlib.reload(keywork.settings)
