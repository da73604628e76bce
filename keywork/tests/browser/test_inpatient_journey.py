"""An admission and a discharge, in a real browser: the DSR coordinator records them, and the rating
follows by rule, blue in hospital and red on discharge."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.inpatient.schedule import schedule_for
from keywork.presenters import uk_date, uk_long_date
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

PERSON_PAGE = re.compile(r"/register/\d+/inpatient/#inpatient$")


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"#id_{field}_0").fill(str(day.day))
    page.locator(f"#id_{field}_1").fill(str(day.month))
    page.locator(f"#id_{field}_2").fill(str(day.year))


def expect_banner(page, message: str) -> None:
    """The success banner a form page shows after saving."""
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text(message)


def rating_tag(page):
    """The rating tag in the summary under the person page's heading."""
    rating = page.locator(".keywork-person-summary .nhsuk-summary-list__row", has=page.locator("dt", has_text="Rating"))
    return rating.locator(".nhsuk-tag")


def summary_value(page, key: str):
    """The value beside `key` in the person page's summary lists."""
    row = page.locator(".nhsuk-summary-list__row").filter(
        has=page.locator(".nhsuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$"))
    )
    return row.locator(".nhsuk-summary-list__value")


def test_a_coordinator_records_an_admission_and_a_discharge(page, service, add_person):
    today = timezone.localdate()
    admitted_on = today - datetime.timedelta(days=4)
    coordinator = create_user(service, Role.COORDINATOR)
    # Referred well before the admission, so the admission is the latest rating change.
    person = add_person(service, by=coordinator, rating="red", referral_date=today - datetime.timedelta(days=60))

    # Given a DSR coordinator logged in, on the page of a person rated red
    log_in(page, coordinator)
    page.goto(reverse("register:person_inpatient", args=[person.pk]))
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.full_name)
    expect(rating_tag(page)).to_have_text(re.compile(r"^\s*Red"))
    expect(page.get_by_text("Not in hospital.")).to_be_visible()
    assert_accessible(page)

    # When they record an admission four days ago, detained under section 2
    page.get_by_role("link", name="Record an admission").click()
    page.wait_for_url(re.compile(r"/inpatients/people/\d+/admit/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an admission")
    assert_accessible(page)
    page.get_by_label("Hospital").fill("Fictional Park Hospital")
    page.get_by_label("Ward or unit").fill("Willow Ward")
    page.get_by_role("radio", name="Tier 4 CAMHS general adolescent").check()
    page.get_by_label("Distance from home in miles").fill("38")
    fill_date(page, "admitted_on", admitted_on)
    page.get_by_role("radio", name="Section 2", exact=True).check()
    page.get_by_role("button", name="Save").click()

    # Then the person page shows them rated blue, with their inpatient care
    page.wait_for_url(PERSON_PAGE)
    expect_banner(page, "Admission recorded: rated blue")
    expect(rating_tag(page)).to_have_text(re.compile(r"^\s*Blue"))
    expect(rating_tag(page)).to_have_class(re.compile(r"\bnhsuk-tag--blue\b"))
    expect(page.get_by_role("heading", name="Inpatient care", exact=True)).to_be_visible()
    expect(summary_value(page, "In hospital")).to_have_text(
        "Fictional Park Hospital, Willow Ward (Tier 4 CAMHS general adolescent)"
    )
    expect(summary_value(page, "Admitted")).to_have_text(f"{uk_long_date(admitted_on)}, 4 days ago")
    expect(summary_value(page, "Distance from home")).to_have_text("38 miles")
    expect(summary_value(page, "Legal status")).to_have_text("Section 2")
    # In full in the summary list, abbreviated in the inpatient list's table below.
    next_due = schedule_for(person.admissions.get(), service, today).next_due
    expect(summary_value(page, "Next C(E)TR due")).to_have_text(uk_long_date(next_due))
    assert_accessible(page)
    person_url = page.url

    # And the inpatient list shows them, with the date their next C(E)TR is due
    page.goto("/inpatients/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Current inpatients")
    expect(page.get_by_text("1 person in hospital.")).to_be_visible()
    table = page.get_by_role("table", name="Current inpatients, longest in hospital first")
    row = table.get_by_role("row").filter(has=page.get_by_role("link", name=person.full_name, exact=True))
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Fictional Park Hospital (38 miles)")
    expect(row).to_contain_text("Section 2")
    expect(row.get_by_role("cell").nth(4)).to_have_text(re.compile(rf"^\s*{uk_date(next_due)}"))  # Next C(E)TR due
    assert_accessible(page)

    # When, back on the person page, they record the discharge home today
    page.goto(person_url)
    page.get_by_role("link", name="Record the discharge").click()
    page.wait_for_url(re.compile(r"/inpatients/admissions/\d+/discharge/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Record the discharge")
    assert_accessible(page)
    fill_date(page, "discharged_on", today)
    page.get_by_label("Discharged to").fill("Family home")
    page.get_by_role("button", name="Save").click()

    # Then the person is rated red again, no longer in hospital, with the admission in the past
    page.wait_for_url(PERSON_PAGE)
    expect_banner(page, "Discharge recorded: rated red")
    expect(rating_tag(page)).to_have_text(re.compile(r"^\s*Red"))
    expect(rating_tag(page)).to_have_class(re.compile(r"\bnhsuk-tag--red\b"))
    expect(page.get_by_text("Not in hospital.")).to_be_visible()
    past = page.get_by_role("heading", name="Past admissions").locator("xpath=following-sibling::ul[1]")
    expect(past).to_contain_text("Fictional Park Hospital")
    assert_accessible(page)

    # And the inpatient list no longer shows them
    page.goto("/inpatients/")
    expect(page.get_by_text("0 people in hospital.")).to_be_visible()
    assert_accessible(page)
