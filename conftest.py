"""Fixtures for every app's tests: two services, a user of each role in each, and people made by
the project's own synthetic generator (fictitious, NHS numbers in the 999 test range)."""

import itertools
import random
from types import SimpleNamespace

import pytest
from django.test import Client

from keywork import audit
from keywork.accounts.models import ApiToken, Role, User, WorkerType
from keywork.register import operations
from keywork.register.synthetic import build_consent, build_history, build_person
from keywork.services.models import Service

PASSWORD = "a-long-test-password-1"
_user_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher; tests use a fast one so the suite stays quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _jinja2_context_in_test_responses(monkeypatch):
    """Let tests read response.context from Jinja2 pages, as Django does for its own templates.

    Django's test client collects contexts from the template_rendered signal, which only its own
    template engine sends; this sends it from the Jinja2 backend too. Rendering is unchanged.
    """
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def render_and_signal(self, context=None, request=None):
        template_rendered.send(sender=self, template=self, context=dict(context or {}))
        return render(self, context, request)

    monkeypatch.setattr(Template, "render", render_and_signal)


@pytest.fixture(autouse=True)
def _private_files_in_a_temporary_folder(settings, tmp_path):
    settings.PRIVATE_FILES_ROOT = tmp_path / "private"


@pytest.fixture
def service(db):
    return Service.objects.create(
        slug="kent-medway", name="Kent and Medway", icb="NHS Kent and Medway ICB", local_authorities=["Kent", "Medway"]
    )


@pytest.fixture
def other_service(db):
    return Service.objects.create(
        slug="cambs",
        name="Cambridgeshire and Peterborough",
        icb="NHS Cambridgeshire and Peterborough ICB",
        local_authorities=["Cambridgeshire", "Peterborough"],
    )


def date_parts(name: str, day) -> dict:
    """Form data for the three boxes (day, month, year) of an NHS date input."""
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}


def create_user(service, role: str, username: str | None = None) -> User:
    worker_type = WorkerType.PRACTICE_CONSULTANT if role == Role.KEYWORKER else ""
    user = User(
        username=username or f"{role}-{service.slug}-{next(_user_numbers)}",
        service=service,
        role=role,
        worker_type=worker_type,
    )
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def make_user(db):
    return create_user


def logged_in(user) -> SimpleNamespace:
    client = Client()
    client.force_login(user)
    return SimpleNamespace(http=client, user=user, service=user.service)


@pytest.fixture
def as_role(service):
    """as_role("manager") → a logged-in client of that role in `service`."""
    return lambda role: logged_in(create_user(service, role))


@pytest.fixture
def coordinator(service):
    return logged_in(create_user(service, Role.COORDINATOR))


@pytest.fixture
def api_for():
    """api_for(user) → headers carrying a fresh bearer token for that user."""

    def headers(user):
        _, token = ApiToken.issue(user, "test")
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return headers


@pytest.fixture
def rng():
    return random.Random(1234)


@pytest.fixture
def add_person(rng):
    """add_person(service, by=user, rating="red", **details) → a saved person, consented and rated."""

    def make(service, by, rating=None, **details):
        person = build_person(service, rng, **details)
        (first,) = build_history(person, by, rng, today=person.referral_date)
        if rating:
            first.rating = rating
        operations.add_person(audit.Actor(by, service), person, build_consent(person, by, rng), first)
        person.refresh_from_db()
        return person

    return make
