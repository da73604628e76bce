"""Security headers: a Content-Security-Policy and Permissions-Policy on every page, nothing a
signed-in user is sent kept in a cache, and the API's description only for signed-in users."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from keywork.testing.api import Api


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy as {directive: [sources]}."""
    parts = (part.split() for part in response["Content-Security-Policy"].split(";"))
    return {part[0]: part[1:] for part in parts if part}


def inline_scripts(html: str) -> list[str]:
    """Every <script> tag without a src (a JSON data block runs nothing, so it is not one)."""
    tags = re.findall(r"<script\b[^>]*>", html)
    return [tag for tag in tags if "src=" not in tag and "application/json" not in tag]


def assert_allowed_by_the_policy_alone(response):
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "style-src" not in directives  # so inline style falls back to default-src 'self'
    nonce = next(source for source in directives["script-src"] if source.startswith("'nonce-"))
    html = response.content.decode()
    assert inline_scripts(html), "the page template's js-enabled line is expected"
    for tag in inline_scripts(html):
        assert f'nonce="{nonce[7:-1]}"' in tag
    assert not re.search(r"<[^>]+\sstyle=", html)
    assert not re.search(r"<[^>]+\son[a-z]+=", html)


def test_the_login_page_allows_only_the_apps_own_scripts_and_styles(client, db):
    response = client.get(reverse("login"))

    assert response.status_code == 200
    assert_allowed_by_the_policy_alone(response)
    assert "camera=()" in response["Permissions-Policy"]


def test_a_signed_in_page_has_the_policies_and_is_never_stored(coordinator):
    response = coordinator.http.get(reverse("home"))

    assert response.status_code == 200
    assert_allowed_by_the_policy_alone(response)
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in response["Permissions-Policy"]
    assert "no-store" in response["Cache-Control"]


def test_a_download_of_a_persons_record_is_never_stored(coordinator, add_person):
    person = add_person(coordinator.service, coordinator.user)

    response = coordinator.http.get(reverse("fhir:bundle", args=[person.pk]))

    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response


def test_an_api_answer_to_a_token_is_never_stored(coordinator_user):
    response = Api(coordinator_user).get("/api/people")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/api/openapi.json", "/api/docs"])
def test_the_api_description_is_refused_to_someone_not_signed_in(path, db):
    response = Client().get(path)

    assert response.status_code in (302, 401)
    assert "paths" not in response.content.decode()
    if response.status_code == 302:
        assert response.url.startswith(reverse("login"))


def test_the_api_description_is_given_to_a_token(coordinator_user):
    response = Api(coordinator_user).get("/api/openapi.json")

    assert response.status_code == 200
    assert "/api/people" in response.json()["paths"]


def test_the_api_docs_are_given_to_a_signed_in_user(coordinator):
    response = coordinator.http.get("/api/docs")

    assert response.status_code == 200
    assert "swagger-ui" in response.content.decode()


def test_the_api_description_may_be_published_by_a_setting(settings, db):
    settings.API_SCHEMA_REQUIRES_LOGIN = False

    assert Client().get("/api/openapi.json").status_code == 200
