"""No page asks another host for anything: not a font, a stylesheet, a script, an image, nor a form
that posts elsewhere. A page that did would stall offline, tell that host who reads which record,
and may break a licence (the NHS.UK font's covers nhs.uk sites only).

What is checked: the CSS and JavaScript the pages load (NHS.UK frontend's, built by `make assets`,
and keywork/static/), every template's source, and the HTML of a sample of rendered pages. In
HTML, every attribute and every inline style or script is read, not the words on the page: a web
address written out for a reader ("ico.org.uk") is fetched by nobody. Links count too, so that
nobody leaves Keywork by accident with a record on screen.

The one kind of URL allowed is an XML namespace name (xmlns="http://www.w3.org/2000/svg" on the
NHS logo and icons): it identifies a vocabulary and is never fetched. static_build/axe/ is not
checked: axe-core is loaded only by the browser tests, never by a page, and its URLs are links
to its rule documentation in its own reports.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from keywork.accounts.models import Role

ROOT = Path(settings.BASE_DIR)
BUILT = ROOT / "static_build" / "nhsuk"
# A URL naming a host: "https://host", "http://host" or a scheme-relative "//host".
HOST_URL = re.compile(r"(?:https?:)?//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s\"'()<>]*", re.IGNORECASE)
NAMESPACES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xlink",
    "http://www.w3.org/1999/xhtml",
}


def external_urls(text: str) -> list[str]:
    return [url for url in HOST_URL.findall(text) if url not in NAMESPACES]


class _Markup(HTMLParser):
    """Collects what a browser may fetch or go to from a page: attribute values, inline CSS and scripts."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        self._in_code = tag in ("style", "script")
        self.found += [value for _, value in attrs if value]

    def handle_endtag(self, tag):
        self._in_code = False

    def handle_data(self, data):
        if self._in_code:
            self.found.append(data)


def external_urls_in_html(html: str) -> list[str]:
    markup = _Markup()
    markup.feed(html)
    return [url for value in markup.found for url in external_urls(value)]


def served_files() -> list[Path]:
    if not (BUILT / "nhsuk-frontend.min.css").exists():
        pytest.fail("static_build/nhsuk/ is missing: run `make assets`")
    files = [*BUILT.glob("*.css"), *BUILT.glob("*.js")]
    files += [path for path in (ROOT / "keywork" / "static").rglob("*") if path.suffix in (".css", ".js")]
    return files


def templates() -> list[Path]:
    return sorted((ROOT / "keywork").glob("**/jinja2/**/*.jinja"))


def test_the_check_finds_what_it_looks_for():
    page = (
        '<svg xmlns="http://www.w3.org/2000/svg"></svg><p>Visit ico.org.uk or https://www.nhs.uk</p>'
        '<link href="https://fonts.example.com/a.css"><form action="//www.nhs.uk/search/">'
        "<style>body { background: url(http://cdn.example.org/x.png) }</style>"
    )
    assert external_urls_in_html(page) == [
        "https://fonts.example.com/a.css",
        "//www.nhs.uk/search/",
        "http://cdn.example.org/x.png",
    ]
    assert external_urls("// a comment in a script\nconst x = 1;") == []


@pytest.mark.parametrize("path", served_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_css_or_javascript_a_page_loads_names_another_host(path):
    assert external_urls(path.read_text(encoding="utf-8")) == []


def test_the_nhsuk_css_uses_the_arial_stack_and_no_web_font():
    css = (BUILT / "nhsuk-frontend.min.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "Frutiger" not in css
    assert "html{font-family:arial,sans-serif}" in css


def test_every_file_the_nhsuk_css_refers_to_is_served_beside_it():
    css = (BUILT / "nhsuk-frontend.min.css").read_text(encoding="utf-8")
    paths = set(re.findall(r"url\(\"?([^\")]+)\"?\)", css))
    assert paths and all((BUILT / path).is_file() for path in paths), paths


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_template_names_another_host(path):
    assert external_urls_in_html(path.read_text(encoding="utf-8")) == []


SAMPLE_PAGES = [
    (None, "login"),
    (None, "password_reset"),
    (None, "siteinfo:help"),
    (None, "siteinfo:accessibility"),
    (None, "siteinfo:privacy"),
    *[(role, "home") for role in Role.values],
    (Role.MANAGER, "register:list"),
    (Role.MANAGER, "keyworking:board"),
    (Role.LEAD, "programme:overview"),
    (Role.COMMISSIONER, "reporting:dashboard"),
]


@pytest.mark.parametrize(("role", "name"), SAMPLE_PAGES)
def test_no_rendered_page_names_another_host(client, service, make_user, role, name):
    if role:
        client.force_login(make_user(service, role))
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert external_urls_in_html(response.content.decode()) == []


def test_a_persons_record_and_a_missing_page_name_no_other_host(client, service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, by=manager)
    client.force_login(manager)
    for address in (person.get_absolute_url(), "/no-such-page/"):
        assert external_urls_in_html(client.get(address).content.decode()) == []
