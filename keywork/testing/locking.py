"""Checking optimistic locking (keywork.locking) the way two people meet it: two saves from the
same version through the API, and a page form saved after someone else saved the record."""

import html

from django.test import Client

from keywork.forms.versioned import STALE_RECORD


def second_save_from_one_version(send, first: dict, second: dict, version: int = 1) -> dict:
    """`send(body)` calls the API. Both bodies carry `version`: the first is saved (and answers the
    version after it), the second is refused with 409. Returns the 409's JSON."""
    saved = send({"version": version, **first})
    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] == version + 1
    refused = send({"version": version, **second})
    assert refused.status_code == 409, refused.content
    body = refused.json()
    assert (body["version"], list(body["errors"])) == (version + 1, ["version"])
    return body


def save_from_a_stale_page(http: Client, url: str, typed: dict, someone_else_saves):
    """Open the form at `url`, let `someone_else_saves()`, then save `typed` from the page as it
    was opened. Checks the form is shown again saying why; returns the page's text and its form."""
    opened = http.get(url).context["form"].initial
    someone_else_saves()
    response = http.post(url, {"version": opened["version"], "opened_values": opened["opened_values"], **typed})
    assert response.status_code == 200, response
    page = html.unescape(response.content.decode())
    assert STALE_RECORD in page
    return page, response.context["form"]


def save_again(http: Client, url: str, form) -> None:
    """Save the form shown after a stale save, as it stands: it goes through this time."""
    response = http.post(url, form.data.dict())
    assert response.status_code == 302, response.context["form"].errors if response.context else response
