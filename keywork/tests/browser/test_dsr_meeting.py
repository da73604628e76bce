"""A DSR meeting from agenda to minutes, in a real browser: the chair sets it up, records a decision
with a rating change and an action, closes it and downloads the full minutes; a commissioner, who
sees no one's record, gets the minutes with initials only."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.register.models import RatingChange
from keywork.reviews.models import Action
from keywork.testing.factories import create_user
from keywork.testing.pdf import page_texts
from keywork.tests.browser.conftest import assert_accessible, log_in
from keywork.tests.browser.test_adding_and_rating import fill_date

pytestmark = pytest.mark.browser


def download(page, link_name: str) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("link", name=link_name).click()
    with open(download.value.path(), "rb") as file:
        return file.read()


def test_a_dsr_meeting_from_agenda_to_minutes(page, new_page, service, add_person):
    today = timezone.localdate()
    chair = create_user(service, Role.MANAGER)
    person = add_person(service, chair, rating="red", given_name="Robin", family_name="Meetingtest")

    # Given the chair logged in, when they set up today's meeting with someone from outside attending
    log_in(page, chair)
    page.goto("/meetings/")
    assert_accessible(page)
    page.get_by_role("button", name="Set up a meeting").click()
    assert_accessible(page)
    fill_date(page, "held_on", today)
    page.get_by_label("Others attending (optional)").fill("Sam Patel, Kent County Council")
    page.get_by_role("button", name="Save").click()

    # Then the agenda lists the person rated red, and why
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    expect(page.get_by_text("Meeting set up and its agenda built")).to_be_visible()
    expect(page.get_by_text("Sam Patel (Kent County Council)")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile("Robin Meetingtest"))).to_contain_text("Rated red")
    assert_accessible(page)

    # When they open the person's screen and record amber, the decision and an action for themselves
    page.get_by_role("link", name="Robin Meetingtest").click()
    assert_accessible(page)
    page.get_by_role("radio", name=re.compile(r"^Amber")).check()
    page.get_by_label("Reason for the rating").fill("Settled at home with the new package")
    page.get_by_label("Decision", exact=True).fill("Step down to amber; review in a month")
    page.get_by_label("Action (optional)").fill("Book an OT assessment")
    page.get_by_label("Action owner (a member of staff)").select_option(str(chair.pk))
    fill_date(page, "due_on", today)
    page.get_by_role("button", name="Save").click()

    # Then it is saved at once, the rating changed in the register with the meeting as its source
    page.wait_for_url(re.compile(r"/meetings/\d+/$"))
    expect(page.get_by_text("Decision for Robin Meetingtest saved")).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Robin Meetingtest"))
    expect(row).to_contain_text("Recorded")
    expect(row).to_contain_text(re.compile(r"Red\s+when listed,\s+Amber\s+now"))
    change = RatingChange.objects.filter(person=person).order_by("-id").first()
    assert change.rating == "amber" and change.source_label.startswith("DSR meeting on")
    assert Action.objects.get(person=person).owner_staff == chair

    # When the chair closes the meeting
    page.get_by_role("button", name="Close the meeting").click()
    assert_accessible(page)
    page.get_by_role("button", name="Close the meeting").click()
    expect(page.get_by_text("Meeting closed")).to_be_visible()
    expect(page.get_by_role("button", name="Close the meeting")).to_have_count(0)

    # Then the full minutes download, as a PDF and as a Word document, naming the person
    meeting_url = page.url
    full = download(page, "download the full minutes (PDF)")
    assert full.startswith(b"%PDF-") and "Robin Meetingtest" in "".join(page_texts(full))
    assert download(page, "download the full minutes (Word)").startswith(b"PK")

    # When a commissioner, who sees no one's record, opens the meetings
    commissioner = create_user(service, Role.COMMISSIONER)
    partner = new_page()
    log_in(partner, commissioner)
    partner.goto("/meetings/")
    assert_accessible(partner)
    expect(partner.get_by_text("you get each meeting's minutes with initials only")).to_be_visible()

    # Then they get the minutes with initials only, and not the meeting's page with its names
    initials = "".join(page_texts(download(partner, re.compile(r"^PDF"))))
    assert "R.M." in initials and "Meetingtest" not in initials and "Step down to amber" in initials
    assert partner.goto(meeting_url).status == 403
