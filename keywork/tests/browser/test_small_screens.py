"""Every page at 375 px wide (a small phone): nothing scrolls sideways but a wide table inside its
own container, no serious or critical accessibility problem, and no request to another host.

Each route is visited once (as the first role, in ROLES' order, whose permissions open it), its path
filled from the permission tests' world, which has a record of every kind a page can be about; each
role's home page is visited too, as it differs by role. Routes a browser does not show as a page
(the API, downloads, POST-only actions) are left out: the page would not be HTML.
"""

import pytest
from django.conf import settings
from django.test import Client

from keywork.accounts.models import Role
from keywork.accounts.permissions import has_permission
from keywork.accounts.tests.test_permissions import OPEN_PAGES, named_pages, records_of, url_for
from keywork.tests.browser.conftest import assert_accessible
from keywork.tests.browser.test_frame import requests_elsewhere

pytestmark = pytest.mark.browser

WIDTH = 375
# Whose pages show the most: a role that sees the whole service's records first.
ROLES = [Role.MANAGER, Role.LEAD, Role.COORDINATOR, Role.ADMIN, Role.KEYWORKER, Role.COMMISSIONER, Role.REGIONAL]

# The elements sticking out past the right edge, innermost first, to say what overflows.
OVERFLOWING = """width => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.nhsuk-scroll__content'))
  .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
  .slice(0, 3)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')
            + ' "' + e.textContent.trim().slice(0, 40) + '"')"""


def visits(users, ids):
    """(role, address) of every page route, as the first role that may open it, and each role's home."""
    for name, pattern, view in named_pages():
        if name in OPEN_PAGES:
            role = Role.MANAGER
        else:
            role = next((r for r in ROLES if has_permission(users[r], view.required_permission)), None)
        if role:
            yield role, url_for(pattern, name, ids)
    yield from ((role, "/") for role in ROLES if role != Role.MANAGER)


def is_a_page(client, address) -> bool:
    response = client.get(address)
    return response.status_code == 200 and response["Content-Type"].startswith("text/html")


def logged_in_context(chromium, live_server, user):
    client = Client()
    client.force_login(user)
    context = chromium.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 800})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return client, context


def test_no_page_scrolls_sideways_on_a_small_screen(chromium, live_server, service, make_user, add_person):
    world = records_of(service, make_user, add_person)
    users = {role: make_user(service, role) for role in ROLES}
    problems, visited = [], 0
    sessions = {}
    # A password reset link that does not work still shows a page: the one saying so.
    for role, address in visits(users, world.ids | {"uidb64": "x", "token": "x"}):
        if role not in sessions:
            client, context = logged_in_context(chromium, live_server, users[role])
            page = context.new_page()
            sessions[role] = (client, page, requests_elsewhere(page, live_server))
        client, page, elsewhere = sessions[role]
        if not is_a_page(client, address):
            continue
        page.goto(address)
        visited += 1
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > WIDTH:
            problems.append(f"{address} ({role}): {width} px wide: {page.evaluate(OVERFLOWING, WIDTH)}")
        try:
            assert_accessible(page)
        except pytest.fail.Exception as failure:
            problems.append(f"{address} ({role}): {failure}")
    for _, page, elsewhere in sessions.values():
        page.context.close()
        problems += [f"a request to another host: {url}" for url in elsewhere]
    assert visited > 60
    assert not problems, f"{len(problems)} problems on {visited} pages:\n" + "\n".join(problems)
