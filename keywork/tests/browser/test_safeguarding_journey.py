"""A safeguarding concern, in a real browser: the person's keyworker raises it, it shows with an
alert in their summary, and staff who may not read the person's restricted notes (the DSR
coordinator, a peer associate working with them) see neither the concern nor the alert."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role, WorkerType
from keywork.testing.factories import allocate, create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

WHAT_HAPPENED = "Said older boys pay them to carry parcels across town"


def test_a_keyworker_raises_a_concern_seen_only_by_those_allowed(new_page, service, add_person):
    coordinator = create_user(service, Role.COORDINATOR)
    keyworker = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT)
    peer = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PEER_ASSOCIATE)
    born = timezone.localdate() - datetime.timedelta(days=15 * 365)
    person = add_person(service, by=coordinator, date_of_birth=born)
    allocate(person, keyworker)
    allocate(person, peer)
    safeguarding = reverse("register:person_safeguarding", args=[person.pk])

    # Given the person's keyworker on their safeguarding sub-page
    page = new_page()
    log_in(page, keyworker)
    page.goto(safeguarding)
    expect(page.get_by_text("No safeguarding concerns recorded.")).to_be_visible()
    assert_accessible(page)

    # When they raise a concern, first forgetting to say what happened
    page.get_by_role("button", name="Raise a safeguarding concern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a safeguarding concern")
    page.get_by_role("radio", name="Criminal exploitation").check()
    page.get_by_role("radio", name="Children's social care front door or MASH").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter what happened")
    assert_accessible(page)
    page.get_by_label("What happened").fill(WHAT_HAPPENED)
    page.get_by_role("button", name="Save").click()

    # Then it is on the sub-page, open, with an alert in the summary
    page.wait_for_url(re.compile(r"/register/\d+/safeguarding/#concerns$"))
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text("Safeguarding concern recorded")
    expect(page.get_by_text(WHAT_HAPPENED)).to_be_visible()
    expect(page.locator(".keywork-alerts")).to_contain_text("Safeguarding concern")
    assert_accessible(page)

    # And neither the coordinator nor the peer associate sees the concern or its alert
    for user in (coordinator, peer):
        other = new_page()
        log_in(other, user)
        other.goto(safeguarding)
        expect(other.get_by_text("visible only to the person's own workers and managers")).to_be_visible()
        expect(other.get_by_text(WHAT_HAPPENED)).to_have_count(0)
        expect(other.locator(".keywork-alerts")).to_have_count(0)
        assert_accessible(other)
