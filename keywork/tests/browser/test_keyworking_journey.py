"""A person's way through keywork, in a real browser: a team manager refers, accepts and allocates;
the keyworker records a contact whose follow-up, once overdue, is on their home page."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.keyworking.forms import worker_label
from keywork.presenters import uk_long_date
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PERSON_PAGE = re.compile(r"/register/\d+/$")
KEYWORK_PAGE = re.compile(r"/register/\d+/keywork/(#[\w-]+)?$")


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"#id_{field}_0").fill(str(day.day))
    page.locator(f"#id_{field}_1").fill(str(day.month))
    page.locator(f"#id_{field}_2").fill(str(day.year))


def expect_banner(page, message: str) -> None:
    """The success banner a form page shows after saving."""
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text(message)


def after_heading(page, heading: str):
    """The element just after a section's heading: its list, table or paragraph."""
    return page.get_by_role("heading", name=heading, exact=True).locator("xpath=following-sibling::*[1]")


def log_out(page) -> None:
    page.get_by_role("link", name="Log out").click()
    page.wait_for_url("**/logout/")
    assert_accessible(page)
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/**")
    assert_accessible(page)


def test_a_manager_refers_accepts_and_allocates_and_the_keyworker_records_a_contact(page, service, add_person):
    today = timezone.localdate()
    manager = create_user(service, Role.MANAGER)
    keyworker = create_user(service, Role.KEYWORKER)
    person = add_person(service, by=manager, rating="red")

    # Given a team manager logged in, on the keywork page of the person's record
    log_in(page, manager)
    page.goto(reverse("register:person_keywork", args=[person.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.full_name)
    expect(page.get_by_text("Not referred for keywork.")).to_be_visible()
    assert_accessible(page)

    # When they refer the person for keywork
    page.get_by_role("link", name="Refer for keywork").click()
    page.wait_for_url(re.compile(r"/keywork/people/\d+/referral/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Refer for keywork")
    assert_accessible(page)
    page.get_by_role("radio", name="From the Dynamic Support Register").check()
    fill_date(page, "received_on", today)
    page.get_by_label("Referrer's name").fill("Sam Referrer")
    page.get_by_label("Referrer's organisation").fill("Kent CAMHS")
    page.get_by_label("Reason for referral").fill("Escalating distress at school and at home")
    page.get_by_role("button", name="Save").click()

    # Then the keywork page shows the referral awaiting a decision
    page.wait_for_url(KEYWORK_PAGE)
    expect_banner(page, "Referral recorded")
    expect(page.get_by_text("Awaiting a decision")).to_be_visible()
    assert_accessible(page)

    # When they accept it
    page.get_by_role("link", name="Decide the referral").click()
    page.wait_for_url(re.compile(r"/keywork/referrals/\d+/decision/$"))
    assert_accessible(page)
    page.get_by_role("radio", name="Accepted").check()
    fill_date(page, "decided_on", today)
    page.get_by_role("button", name="Save").click()

    # Then they go straight on to allocating the person's keyworker
    page.wait_for_url(re.compile(r"/keywork/people/\d+/allocate/\?next="))
    expect_banner(page, f"Referral for {person.full_name} accepted. Now allocate their keyworker.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Allocate a keyworker")
    assert_accessible(page)

    # When they allocate the Practice Consultant
    page.get_by_role("radio", name=keyworker.display_name, exact=True).check()
    fill_date(page, "starts_on", today)
    page.get_by_label("Reason", exact=True).fill("First allocation after the referral was accepted")
    page.get_by_role("button", name="Allocate").click()

    # Then they are back on the keywork page, which names the keyworker, and nobody is waiting
    page.wait_for_url(KEYWORK_PAGE)
    expect_banner(page, f"{keyworker.display_name} allocated to {person.full_name} as their Practice Consultant")
    expect(after_heading(page, "Workers")).to_contain_text(f"Practice Consultant: {keyworker.username}")
    assert_accessible(page)
    page.goto("/keywork/board/")
    expect(page.get_by_text("Nobody is waiting for a keyworker.")).to_be_visible()

    # When the manager logs out and the keyworker logs in
    log_out(page)
    log_in(page, keyworker)

    # Then the keyworker's home page lists the person, and they open the person's page from it
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    assert_accessible(page)
    page.get_by_role("table", name="People, most urgent first").get_by_role("link", name=person.full_name).click()
    page.wait_for_url(PERSON_PAGE)
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.full_name)
    assert_accessible(page)
    page.get_by_role("navigation", name=re.compile("record$")).get_by_role("link", name="Keywork").click()
    page.wait_for_url(KEYWORK_PAGE)

    # When they record a contact of two days ago, with a follow-up of their own due yesterday
    contact_day = today - datetime.timedelta(days=2)
    due = today - datetime.timedelta(days=1)
    follow_up = "Ask the school for the updated behaviour support plan"
    page.get_by_role("button", name="Record a contact").click()  # a link styled, and named, as a button
    page.wait_for_url(re.compile(r"/keywork/people/\d+/contact/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a contact")
    assert_accessible(page)
    page.get_by_role("radio", name="Home visit").check()
    fill_date(page, "contact_date", contact_day)
    page.get_by_label("Time", exact=True).fill("10:30")
    page.get_by_label("Duration in minutes").fill("45")
    page.get_by_label("Notes", exact=True).fill("Visited at home with their mother; calmer this week")
    page.get_by_label("Follow-up action (optional)").fill(follow_up)
    page.get_by_label("Follow-up owner").select_option(label=worker_label(keyworker))
    fill_date(page, "follow_up_due_on", due)
    page.get_by_role("button", name="Save").click()

    # Then the keywork page shows the follow-up as overdue
    page.wait_for_url(KEYWORK_PAGE)
    expect_banner(page, f"Contact on {uk_long_date(contact_day)} recorded")
    open_follow_up = after_heading(page, "Open follow-ups").get_by_role("listitem").filter(has_text=follow_up)
    expect(open_follow_up).to_contain_text("Overdue")
    assert_accessible(page)

    # And their home page lists it under the follow-ups due
    page.goto("/")
    overdue = after_heading(page, "Follow-ups due")
    expect(overdue).to_contain_text(follow_up)
    expect(overdue.get_by_role("link", name=person.full_name)).to_be_visible()
    assert_accessible(page)
