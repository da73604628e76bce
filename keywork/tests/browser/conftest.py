"""Fixtures for the browser tests: Debian's headless Chromium driven by Playwright against
pytest-django's live server, a logged-in page, and an axe-core accessibility check.

Never a downloaded browser: Playwright drives /usr/bin/chromium. Playwright's sync API runs an
event loop in this thread, so Django's database calls need DJANGO_ALLOW_ASYNC_UNSAFE=true.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from keywork.testing.factories import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_JS = Path(settings.BASE_DIR) / "static_build" / "axe" / "axe.min.js"
AXE_URL = settings.STATIC_URL + "axe/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def chromium():
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        pytest.skip("Debian's chromium is not installed (scripts/chromium.sh installs it)")
    if not AXE_JS.exists():
        pytest.fail("static_build/axe/axe.min.js is missing: run `make assets`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def new_page(chromium, live_server, transactional_db):
    """new_page(java_script_enabled=True) → a page in a fresh browser context on the live server.

    The test fails if the Content-Security-Policy blocked anything on any page it opened."""
    contexts = []
    refused = []

    def make(**options):
        context = chromium.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: _note_refusal(message, page, refused))
        return page

    yield make
    for context in contexts:
        context.close()
    if refused:
        pytest.fail("the Content-Security-Policy refused:\n" + "\n".join(refused), pytrace=False)


def _note_refusal(message, page, refused: list[str]) -> None:
    if message.type == "error" and "Content Security Policy" in message.text:
        refused.append(f"  {page.url}: {message.text}")


@pytest.fixture
def page(new_page):
    return new_page()


def log_in(page, user) -> None:
    """Log in through the real login page, as a person would."""
    page.goto("/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(lambda url: "/login/" not in url)


def assert_accessible(page, _twin: bool = False) -> None:
    """Run axe-core's WCAG 2.2 AA rules on the page; fail on any serious or critical violation.

    axe is JavaScript: on a page whose context has JavaScript off (the page template's inline script
    never marked the body js-enabled), the same address is checked in a twin context with
    JavaScript on and the same cookies. axe is loaded from the app's own static files, so the
    Content-Security-Policy applies to the tests as it does to users: a page whose nonce is missing
    stays without js-enabled even with JavaScript on, and fails.
    """
    page.wait_for_load_state("domcontentloaded")  # a click may have only just started the next page
    if not page.evaluate("document.body.classList.contains('js-enabled')"):
        if _twin:
            pytest.fail(f"the page template's inline script did not run on {page.url}", pytrace=False)
        twin = page.context.browser.new_context(storage_state=page.context.storage_state())
        try:
            twin_page = twin.new_page()
            twin_page.goto(page.url)
            assert_accessible(twin_page, _twin=True)
        finally:
            twin.close()
        return
    page.add_script_tag(url=AXE_URL)
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING_IMPACTS]
    details = "\n".join(
        f"  {v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}" for v in blocking
    )
    if blocking:
        pytest.fail(f"axe found serious or critical problems on {page.url}:\n{details}", pytrace=False)


# Journeys and the page loads each took, printed as a table at the end of the run.
_journeys: list[tuple[str, int, int]] = []


class PageLoads:
    """Counts the documents a page loads: each link followed, and each form posted together with
    the page it redirects to, is one load (a redirect is not a load of its own)."""

    def __init__(self, page):
        self.count = 0
        page.on("load", self._loaded)

    def _loaded(self, _page) -> None:
        self.count += 1


@pytest.fixture
def journey():
    """journey(page, "name", target) → a PageLoads counter; at the end of the test the journey's
    loads are checked against its target and recorded for the table."""
    started = []

    def start(page, name: str, target: int) -> PageLoads:
        loads = PageLoads(page)
        started.append((name, target, loads))
        return loads

    yield start
    for name, target, loads in started:
        _journeys.append((name, loads.count, target))
        assert loads.count <= target, f"{name} took {loads.count} page loads; the target is {target}"


def pytest_terminal_summary(terminalreporter):
    if not _journeys:
        return
    terminalreporter.section("page loads per journey")
    width = max(len(name) for name, _, _ in _journeys)
    terminalreporter.write_line(f"{'journey':<{width}}  loads  target")
    for name, count, target in _journeys:
        terminalreporter.write_line(f"{name:<{width}}  {count:>5}  {target:>6}")
