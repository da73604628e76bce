"""Fixtures for every app's tests: the clock at a fixed "now", two services, a user of each role in
each, API clients, and people made by the project's own synthetic generator (fictitious, NHS
numbers in the 999 test range). The helpers behind them live in keywork/testing/."""

import functools
import random

import pytest
import time_machine

from keywork import audit
from keywork.accounts.models import Role
from keywork.services.models import Service
from keywork.testing import factories
from keywork.testing.api import Api, bearer_headers
from keywork.testing.dates import NOW
from keywork.testing.factories import PASSWORD, create_user  # noqa: F401 - the tests' one password, re-exported
from keywork.testing.pages import date_parts, logged_in  # noqa: F401 - re-exported to older imports


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Argon2 is the production hasher; tests use a fast one so the suite stays quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# The clock stands at NOW (keywork.testing.dates) from before any test module is imported, so a
# date a module works out at import is NOW's date too; each test then starts again at NOW, and the
# clock ticks on from there. No test depends on the day, or the hour, the suite runs.
_session_clock = time_machine.travel(NOW, tick=True)


def pytest_configure(config):
    _session_clock.start()


def pytest_unconfigure(config):
    _session_clock.stop()


@pytest.fixture(autouse=True)
def _the_clock_at_a_fixed_now(request):
    if request.node.get_closest_marker("browser"):
        # Real time: Chromium, in its own process, would expire the cookies of a server on another day.
        _session_clock.stop()
        yield
        _session_clock.start()
        return
    with time_machine.travel(NOW, tick=True):
        yield


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


@pytest.fixture
def make_user(db):
    return create_user


@pytest.fixture
def as_role(service):
    """as_role("manager") → a logged-in client of that role in `service`."""
    return lambda role: logged_in(create_user(service, role))


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


@pytest.fixture
def coordinator(service):
    return logged_in(create_user(service, Role.COORDINATOR))


@pytest.fixture
def coordinator_user(service):
    return create_user(service, Role.COORDINATOR)


@pytest.fixture
def actor(service, coordinator_user):
    """The DSR coordinator as the audit names them: who records what the fixtures below record."""
    return audit.Actor(coordinator_user, service)


@pytest.fixture
def admit(actor):
    """admit(person, on, discharged_on=None) → an admission to a PICU the coordinator recorded."""
    return functools.partial(factories.admit, actor)


@pytest.fixture
def api(coordinator_user):
    """The DSR coordinator calling the JSON API."""
    return Api(coordinator_user)


@pytest.fixture
def api_for():
    """api_for(user) → headers carrying a fresh bearer token for that user."""
    return bearer_headers


@pytest.fixture
def api_as(service):
    """api_as("coordinator") → an API client (keywork.testing.api.Api) of a new user of that role in `service`."""
    return lambda role, **options: Api(create_user(service, role), **options)


@pytest.fixture
def rng():
    return random.Random(1234)


@pytest.fixture
def add_person(rng):
    """add_person(service, by=user, rating="red", **details) → a saved person, consented and rated."""
    return lambda service, by, rating=None, **details: factories.add_person(service, by, rng, rating, **details)


# The OpenID provider that the single sign-on test starts is a second Django site, run in its own
# process with its own settings: importing its modules here (doctest collection) would load them
# into Keywork's.
collect_ignore_glob = ["keywork/sso/tests/provider/*"]
