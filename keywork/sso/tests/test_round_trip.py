"""Single sign-on end to end, over HTTP, against a real OpenID provider: django-oidc-provider run by
the test as a second Django site on 127.0.0.2 (provider/), and Keywork on pytest-django's live
server. A requests session is the browser: it follows the redirects and fills in the provider's
sign-in and consent forms; Keywork fetches the token and the provider's keys itself."""

import datetime
import os
import select
import subprocess
import sys
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
import requests
import time_machine

from keywork.accounts.models import Role, User
from keywork.sso.models import SSOIdentity
from keywork.sso.tests.provider.people import MANAGER, NO_SECOND_FACTOR, PASSWORD, UNMAPPED
from keywork.sso.tests.tokens import use_provider

pytestmark = [pytest.mark.once, pytest.mark.django_db(transaction=True)]
STARTUP_SECONDS = 30


@pytest.fixture(scope="module")
def provider(live_server, tmp_path_factory):
    """The provider's address, its client's one redirect URI being the live server's callback."""
    environment = {
        **os.environ,
        "PROVIDER_DATABASE": str(tmp_path_factory.mktemp("provider") / "provider.sqlite3"),
        "KEYWORK_CALLBACK": f"{live_server.url}/sso/callback/",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(  # noqa: S603 - this interpreter, running the test's own provider
        [sys.executable, "-m", "keywork.sso.tests.provider.serve"], env=environment, stdout=subprocess.PIPE, text=True
    )
    try:
        ready, _, _ = select.select([process.stdout], [], [], STARTUP_SECONDS)
        if not ready:
            pytest.fail(f"the test's OpenID provider did not start within {STARTUP_SECONDS} seconds")
        address = process.stdout.readline().strip()
        if not address.startswith("http://"):
            pytest.fail(f"the test's OpenID provider stopped (exit code {process.poll()}): see its output above")
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def keywork(provider, live_server, single_sign_on):
    """Keywork's address, configured for the provider, with two-factor sign-in required."""
    use_provider(single_sign_on, f"{provider}/openid")
    single_sign_on.TWO_FACTOR_REQUIRED = True
    # Real time here, not the suite's fixed "now": the provider, in its own process, dates its
    # tokens by the real clock, and a token issued "in the future" is rightly refused.
    real_now = datetime.datetime.fromtimestamp(time_machine.escape_hatch.time.time(), datetime.UTC)
    with time_machine.travel(real_now, tick=True):
        yield live_server.url


class Forms(HTMLParser):
    """The forms on a page: each one's action and the values of its named inputs."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attributes.get("action") or "", "fields": {}})
        elif tag == "input" and self.forms and attributes.get("name") and attributes.get("type") != "submit":
            self.forms[-1]["fields"][attributes["name"]] = attributes.get("value") or ""


def submit(browser, page, **fields) -> requests.Response:
    reader = Forms()
    reader.feed(page.text)
    (form,) = reader.forms
    return browser.post(urljoin(page.url, form["action"]), data={**form["fields"], **fields}, timeout=10)


def sign_in(keywork: str, username: str, *, consent: bool = True) -> requests.Response:
    """Sign in as the provider's `username` from a new browser, ending on the page Keywork shows."""
    browser = requests.Session()
    provider_login = browser.get(f"{keywork}/sso/sign-in/", timeout=10)
    consent_page = submit(browser, provider_login, username=username, password=PASSWORD)
    return submit(browser, consent_page, **({"allow": "Authorize"} if consent else {}))


def test_a_first_sign_in_creates_the_account_and_the_next_signs_in_to_it(keywork, service):
    home = sign_in(keywork, MANAGER)
    # Keywork's home page, with no local second factor asked for: the provider asked for one.
    assert home.url == f"{keywork}/"
    assert "Kim Jones (Team manager)" in home.text
    user = User.objects.get()
    assert (user.role, user.service) == (Role.MANAGER, service)

    again = sign_in(keywork, MANAGER)
    assert again.url == f"{keywork}/"
    assert User.objects.get().pk == user.pk
    assert SSOIdentity.objects.get().user == user


def test_an_account_whose_roles_map_to_no_keywork_role_is_refused(keywork):
    refused = sign_in(keywork, UNMAPPED)
    assert refused.status_code == 403
    assert "Your organisation account has no Keywork role" in refused.text
    assert not User.objects.exists()


def test_a_sign_in_without_a_second_factor_is_refused_when_one_is_required(keywork):
    refused = sign_in(keywork, NO_SECOND_FACTOR)
    assert refused.status_code == 403
    assert "You need to sign in with a second step" in refused.text
    assert not User.objects.exists()


def test_declining_at_the_provider_ends_on_keyworks_page(keywork):
    declined = sign_in(keywork, MANAGER, consent=False)
    assert declined.url.startswith(f"{keywork}/sso/callback/?error=access_denied")
    assert "You did not sign in" in declined.text
