"""An incident of behaviour of concern, in a real browser: a behaviour technician (a keyworker of
the Behaviour Team) opens the person's plans sub-page, records an incident with physical
restraint (first forgetting how long it lasted), and finds it in the log and on the weekly chart;
axe passes on every page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keywork.accounts.models import Role, WorkerType
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate, create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

BEHAVIOUR = "Hit out at a teaching assistant and ran towards the gate"


def test_a_behaviour_technician_records_an_incident_and_sees_it_on_the_chart(new_page, service, add_person):
    coordinator = create_user(service, Role.COORDINATOR)
    technician = create_user(service, Role.KEYWORKER, worker_type=WorkerType.BEHAVIOUR_TEAM)
    person = add_person(service, by=coordinator)
    allocate(person, technician, starts_on=max(days_ago(30), person.referral_date))

    # Given the behaviour technician on the person's plans sub-page
    page = new_page()
    log_in(page, technician)
    page.goto(reverse("register:person_plans", args=[person.pk]))
    expect(page.get_by_role("heading", name="Behaviour support")).to_be_visible()
    assert_accessible(page)

    # When they record an incident with physical restraint, first without its duration
    page.get_by_role("link", name="Record an incident").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record an incident")
    yesterday = days_ago(1)
    for index, part in enumerate((yesterday.day, yesterday.month, yesterday.year)):
        page.locator(f"#id_occurred_on_{index}").fill(str(part))
    page.get_by_label("Time").fill("15:30")
    page.get_by_role("radio", name="School or college").check()
    page.get_by_label("What happened before (antecedent)").fill("Asked to come in from the playground")
    page.get_by_role("textbox", name="The behaviour").fill(BEHAVIOUR)
    page.get_by_label("What happened after (consequence)").fill("Held by two staff until calm")
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_role("radio", name="No injury").check()
    page.get_by_role("checkbox", name="Physical restraint").check()
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter how many minutes the physical restraint lasted")
    assert_accessible(page)
    page.get_by_label("Physical restraint: minutes").fill("5")
    page.get_by_role("button", name="Save").click()

    # Then the incident is in the log, counted, and drawn on the chart with its table
    page.wait_for_url(re.compile(r"/behaviour-support/people/\d+/incidents/$"))
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text("Incident recorded")
    expect(page.get_by_text(BEHAVIOUR)).to_be_visible()
    expect(page.locator("svg.keywork-chart title").first).to_contain_text("Behaviours of concern each week")
    expect(page.locator("svg.keywork-chart rect.keywork-chart__marker").first).to_be_attached()
    page.get_by_text("The chart's figures for each week, as a table").click()
    expect(page.get_by_role("table", name="Behaviours of concern by week")).to_contain_text("1")
    assert_accessible(page)
