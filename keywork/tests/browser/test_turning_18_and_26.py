"""Preparing for adulthood on the work list, in a real browser: a keyworker's home page shows a
young person who has just turned 18 (consent to re-check) and one who has just turned 26 (keywork
overdue to close); the keyworker records the young person's own consent from the list, and the team
manager ends the other's keywork from the team's list, with the reason, by hand."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keywork.accounts.models import Role, WorkerType
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, allocate, create_user
from keywork.tests.browser.conftest import assert_accessible, log_in
from keywork.transition import rules

pytestmark = pytest.mark.browser


def fill_date(page, field, day) -> None:
    for part, value in enumerate((day.day, day.month, day.year)):
        page.locator(f"#id_{field}_{part}").fill(str(value))


def test_turning_18_and_26_on_the_work_list(new_page, service, add_person):
    coordinator = create_user(service, Role.COORDINATOR)
    keyworker = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT)
    manager = create_user(service, Role.MANAGER)
    # Referred at 17 and at 25, so the consent on record was given before the 18th birthday.
    eighteen = add_person(
        service, by=coordinator, date_of_birth=rules.born_by(days_ago(3), (18, 0)), referral_date=days_ago(100)
    )
    twenty_six = add_person(
        service, by=coordinator, date_of_birth=rules.born_by(days_ago(2), (26, 0)), referral_date=days_ago(100)
    )
    for person in (eighteen, twenty_six):
        allocate(person, keyworker, days_ago(90))
    accept_referral(twenty_six, manager, decided_on=days_ago(95), received_on=days_ago(100))

    # Given the keyworker's home page
    page = new_page()
    log_in(page, keyworker)
    page.goto(reverse("home"))
    consent_list = page.locator("section", has=page.get_by_role("heading", name="Consent to re-check at 18"))
    closing_list = page.locator("section", has=page.get_by_role("heading", name="Overdue to close: turned 26"))
    expect(consent_list).to_contain_text(eighteen.full_name)
    expect(closing_list).to_contain_text(twenty_six.full_name)
    expect(closing_list).to_contain_text("Overdue to close")
    assert_accessible(page)

    # When they follow "Record consent" and record the young person's own consent
    consent_list.get_by_role("link", name=re.compile("Record consent")).click()
    page.get_by_role("radio", name="Consent given by the person").check()
    page.get_by_label("Given, withdrawn or decided by").fill(eighteen.full_name)
    fill_date(page, "decided_on", TODAY)
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text("Consent recorded")

    # Then the young person is off the consent list, and the 26-year-old is still there to close
    page.goto(reverse("home"))
    expect(consent_list).not_to_contain_text(eighteen.full_name)
    expect(closing_list).to_contain_text("A team manager ends keywork")

    # When the team manager follows "End keywork" from the team's list and gives the reason
    other = new_page()
    log_in(other, manager)
    other.goto(reverse("worklists:overdue-to-close"))
    expect(other.get_by_role("main")).to_contain_text(twenty_six.full_name)
    assert_accessible(other)
    other.get_by_role("link", name=re.compile("End keywork")).click()
    other.get_by_role("radio", name="Reached 26").check()
    other.get_by_role("button", name="End keywork").click()
    expect(other.locator(".nhsuk-notification-banner")).to_contain_text("Keywork ended")

    # Then nobody is overdue to close any more
    other.goto(reverse("worklists:overdue-to-close"))
    expect(other.locator("#result-count")).to_have_text("0 people")
    expect(other.get_by_role("main")).not_to_contain_text(twenty_six.full_name)
    assert_accessible(other)
