"""A referral taken from received to allocated in a real browser: a team manager, on their home
page, opens the referrals queue, accepts the oldest referral and allocates its keyworker, in at
most four page loads, every page checked with axe."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.assurance.models import Assurance
from keywork.testing.factories import accept_referral, create_user, keyworker_of, refer
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def banner(page):
    return page.locator(".nhsuk-notification-banner")


def keyworker_with_a_lapsed_dbs_check(service, today):
    worker = keyworker_of(service)
    Assurance.objects.create(
        worker=worker,
        kind="dbs",
        reference="D1",
        completed_on=today - datetime.timedelta(days=1100),
        expires_on=today - datetime.timedelta(days=5),
    )
    return worker


def test_a_manager_takes_a_referral_from_the_queue_to_an_allocated_keyworker(page, journey, service, add_person):
    # Browser tests run on the real clock (see the root conftest), so days count from today.
    today = timezone.localdate()
    manager = create_user(service, Role.MANAGER)
    person = add_person(service, by=manager, rating="amber")
    refer(person, manager, received_on=today - datetime.timedelta(days=12))
    lapsed = keyworker_with_a_lapsed_dbs_check(service, today)
    keyworker = keyworker_of(service)

    # Given a team manager on their home page
    log_in(page, manager)
    assert_accessible(page)
    loads = journey(page, "referral received → allocated", 4)

    # When they open the referrals waiting for a decision
    page.get_by_role("link", name="Referrals to decide").click()
    page.wait_for_url("**/keywork/referrals/")
    queue = page.get_by_role("table", name="Referrals waiting for a decision, oldest first")
    row = queue.get_by_role("row").filter(has=page.get_by_role("link", name=person.full_name, exact=True))
    expect(row).to_contain_text("12 days")
    expect(row).to_contain_text("Overdue")
    assert_accessible(page)

    # And accept the referral
    row.get_by_role("link", name=f"Decide on the referral for {person.full_name}").click()
    page.wait_for_url(re.compile(r"/keywork/referrals/\d+/decision/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Decide the referral")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("Sam Referrer, CAMHS")
    assert_accessible(page)
    page.get_by_role("radio", name="Accepted").check()
    page.get_by_role("button", name="Save").click()

    # Then they go straight on to allocating a keyworker, seeing each one's caseload and assurance
    page.wait_for_url(re.compile(r"/keywork/people/\d+/allocate/"))
    expect(banner(page)).to_contain_text(f"Referral for {person.full_name} accepted")
    expect(page.get_by_role("heading", level=1)).to_have_text("Allocate a keyworker")
    lapsed_choice = page.locator(".nhsuk-radios__item").filter(has_text=lapsed.display_name)
    expect(lapsed_choice).to_contain_text("DBS check lapsed")
    expect(lapsed_choice).to_contain_text("Caseload 0 people of 15, 0 of 40 weighted")
    assert_accessible(page)

    # When they allocate the keyworker whose assurance is in date
    page.get_by_role("radio", name=keyworker.display_name, exact=True).check()
    page.get_by_label("Reason", exact=True).fill("Has capacity and knows the school")
    page.get_by_role("button", name="Allocate").click()

    # Then they are back on the queue, told who was allocated to whom, with nobody left waiting
    page.wait_for_url("**/keywork/referrals/")
    expect(banner(page)).to_contain_text(
        f"{keyworker.display_name} allocated to {person.full_name} as their Practice Consultant"
    )
    expect(page.get_by_text("No referrals are waiting for a decision.")).to_be_visible()
    expect(page.get_by_text("No referrals are waiting for a keyworker.")).to_be_visible()
    assert_accessible(page)
    assert loads.count == 4


def test_allocating_a_worker_whose_dbs_check_has_lapsed_needs_the_override_and_a_reason(page, service, add_person):
    today = timezone.localdate()
    manager = create_user(service, Role.MANAGER)
    person = add_person(service, by=manager, rating="red")
    accept_referral(person, manager, decided_on=today - datetime.timedelta(days=1))
    lapsed = keyworker_with_a_lapsed_dbs_check(service, today)

    # Given a manager on the allocation form, choosing the worker whose DBS check has lapsed
    log_in(page, manager)
    page.goto(f"/keywork/people/{person.pk}/allocate/")
    page.get_by_role("radio", name=lapsed.display_name, exact=True).check()
    page.get_by_label("Reason", exact=True).fill("Knows the family")

    # When they allocate without the override, they are asked to confirm it
    page.get_by_role("button", name="Allocate").click()
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text(f"Confirm you are allocating {lapsed.display_name} although their DBS check")
    assert_accessible(page)

    # When they tick the override but give no reason, they are asked for one
    page.get_by_label("Allocate although something has lapsed").check()
    page.get_by_role("button", name="Allocate").click()
    expect(summary).to_contain_text("Enter the reason for overriding the lapsed DBS check")
    assert_accessible(page)

    # When they give the reason, the worker is allocated and the board says so
    page.get_by_label("Reason for allocating anyway").fill("Renewal confirmed by HR on Monday")
    page.get_by_role("button", name="Allocate").click()
    page.wait_for_url("**/keywork/board/")
    expect(banner(page)).to_contain_text(f"{lapsed.display_name} allocated to {person.full_name}")
    assert_accessible(page)
