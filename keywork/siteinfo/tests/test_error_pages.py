"""The demo runs with DEBUG on, yet shows the service's own 403, 404 and 500 pages, as production does."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path, reverse

from keywork import urls as site_urls
from keywork.accounts.models import Role


def crash(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


# The site's pages and error handlers, with two views that fail as a bug or a refusal would.
urlpatterns = [path("crash/", crash), path("forbidden/", forbidden), *site_urls.urlpatterns]
handler403, handler404, handler500 = site_urls.handler403, site_urls.handler404, site_urls.handler500


@pytest.fixture
def demo(settings, service, make_user):
    settings.DEBUG = settings.DEMO = True
    settings.ROOT_URLCONF = __name__
    client = Client()
    client.force_login(make_user(service, Role.MANAGER))
    return client


def test_an_address_that_matches_no_page_shows_page_not_found(demo):
    response = demo.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "<h1>Page not found</h1>" in body and "Django tried these URL patterns" not in body


def test_a_record_that_is_not_there_shows_page_not_found(demo):
    response = demo.get(reverse("register:person", kwargs={"person_id": 999_999}))
    assert response.status_code == 404 and "<h1>Page not found</h1>" in response.content.decode()


def test_a_refusal_shows_the_access_page(demo):
    response = demo.get("/forbidden/")
    assert response.status_code == 403
    assert "<h1>You do not have access to this page</h1>" in response.content.decode()


def test_a_crash_shows_the_services_problem_page_and_logs_the_traceback(demo, caplog):
    response = demo.get("/crash/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "<h1>Sorry, there is a problem with the service</h1>" in body and "Traceback" not in body
    assert any(record.exc_info and "a bug" in str(record.exc_info[1]) for record in caplog.records)


def test_a_missing_address_without_a_slash_is_still_sent_to_the_page_with_one(demo):
    response = demo.get("/register")
    assert response.status_code == 301 and response.url == "/register/"


def test_developers_outside_the_demo_keep_djangos_debug_pages(settings, demo):
    settings.DEMO = False
    assert "Django tried these URL patterns" in Client().get("/no-such-page/").content.decode()


def test_a_form_sent_without_its_security_token_says_it_has_expired(db):
    response = Client(enforce_csrf_checks=True).post(reverse("login"), {"username": "a", "password": "b"})
    assert response.status_code == 403
    body = response.content.decode()
    assert "<h1>This form has expired</h1>" in body and "CSRF" not in body
