"""A coordinator adds a person to the register and reviews their rating, in a real browser."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.register.rules import nhs_number_check_digit
from keywork.testing.factories import create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def synthetic_nhs_number(serial: int = 424242) -> str:
    """An NHS number in the 999 test range, with a correct modulus-11 check digit."""
    for n in range(serial, serial + 100):
        first_nine = f"999{n:06d}"
        check = nhs_number_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"
    raise AssertionError("no valid synthetic NHS number near the serial")


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"#id_{field}_0").fill(str(day.day))
    page.locator(f"#id_{field}_1").fill(str(day.month))
    page.locator(f"#id_{field}_2").fill(str(day.year))


def test_a_coordinator_adds_a_person_and_reviews_their_rating(page, service):
    today = timezone.localdate()
    referred_on = today - datetime.timedelta(days=30)
    nhs_number = synthetic_nhs_number()

    # Given a coordinator logged in through the login page
    log_in(page, create_user(service, Role.COORDINATOR))

    # When they fill in every required field of the add form
    page.goto("/register/add/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a person to the register")
    assert_accessible(page)
    page.get_by_label("NHS number").fill(nhs_number)
    page.get_by_label("Given name").fill("Robin")
    page.get_by_label("Family name", exact=True).fill("Browsertest")
    fill_date(page, "date_of_birth", today.replace(year=today.year - 12, day=min(today.day, 28)))
    page.locator("#id_sex").check()  # Female
    page.get_by_label("Ethnicity").select_option("A")
    page.get_by_label("Postcode").fill("me14 1xx")
    page.locator("#id_local_authority-2").check()  # Medway
    page.locator("#id_condition-2").check()  # Autism
    page.get_by_label("Who referred them").select_option(index=1)
    fill_date(page, "referral_date", referred_on)
    page.locator("#id_consent_basis").check()
    page.get_by_label("Consent given or decision made by").fill("Parent, with parental responsibility")
    fill_date(page, "consent_date", referred_on)
    page.locator("#id_rating").check()  # Red
    page.get_by_label("Reason for the rating").fill("Placement at risk of breaking down")
    page.get_by_role("button", name="Add to the register").click()

    # Then they land on the new person's page, rated red
    page.wait_for_url(re.compile(r"/register/\d+/$"))
    expect(page.get_by_text("The person has been added to the register")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Robin Browsertest")
    expect(page.get_by_text("NHS number " + f"{nhs_number[:3]} {nhs_number[3:6]} {nhs_number[6:]}")).to_be_visible()
    expect(register_summary_value(page, "Rating")).to_have_text(re.compile(r"^\s*Red"))
    assert_accessible(page)
    person_url = page.url

    # When they review the rating and record amber
    page.get_by_role("button", name="Review rating").click()  # a link styled, and named, as a button
    page.wait_for_url(re.compile(r"/register/\d+/rating/$"))
    assert_accessible(page)
    page.get_by_role("radio", name=re.compile(r"^Amber")).check()
    page.get_by_label("Reason for the rating").fill("Support package agreed at the DSR meeting")
    page.get_by_role("button", name="Save").click()

    # Then the person page shows the new rating
    page.wait_for_url(person_url + "#register")
    expect(page.get_by_text(re.compile(r"^\s*Rating of amber from"))).to_be_visible()
    expect(register_summary_value(page, "Rating")).to_have_text(re.compile(r"^\s*Amber"))

    # And so does the register list
    page.goto("/register/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="Browsertest, Robin"))
    expect(row).to_have_count(1)
    expect(row.locator(".nhsuk-tag").first).to_have_text("Amber")
    assert_accessible(page)


def register_summary_value(page, key: str):
    """The value beside `key` in the person page's summary lists."""
    row = page.locator(".nhsuk-summary-list__row").filter(
        has=page.locator(".nhsuk-summary-list__key", has_text=re.compile(rf"^\s*{key}\s*$"))
    )
    return row.locator(".nhsuk-summary-list__value").first


def test_submitting_the_add_form_empty_shows_the_errors_and_links_to_each_field(page, service):
    # Given a coordinator on the add form
    log_in(page, create_user(service, Role.COORDINATOR))
    page.goto("/register/add/")

    # When they submit it without filling anything in
    page.get_by_role("button", name="Add to the register").click()

    # Then the NHS error summary says there is a problem, and the title says so first
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem")
    assert page.title().startswith("Error: "), page.title()
    assert_accessible(page)

    # And the first link in the summary moves focus to the field it names
    first_link = summary.get_by_role("link").first
    target_id = first_link.get_attribute("href").removeprefix("#")
    assert target_id == "id_nhs_number"
    first_link.click()
    expect(page.locator(f"#{target_id}")).to_be_focused()
