"""The home pages in a real browser: a keyworker marks a follow-up done from their list with
JavaScript off and comes back to the list; the manager's home names each row's keyworker."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.keyworking.models import Contact, FollowUp
from keywork.testing.factories import allocate, create_user
from keywork.tests.browser.conftest import PageLoads, assert_accessible, log_in

pytestmark = pytest.mark.browser


def follow_up_due(person, worker, description: str, due_on: datetime.date) -> FollowUp:
    contact = Contact.objects.create(
        person=person,
        occurred_at=timezone.now() - datetime.timedelta(days=3),
        contact_type="call",
        duration_minutes=10,
        notes="Rang mum",
        recorded_by=worker,
    )
    return FollowUp.objects.create(contact=contact, person=person, description=description, owner=worker, due_on=due_on)


@pytest.fixture
def keyworker(service):
    worker = create_user(service, Role.KEYWORKER)
    worker.first_name, worker.last_name = "Robin", "Ash"
    worker.save()
    return worker


@pytest.fixture
def person_with_follow_ups(service, add_person, keyworker):
    person = add_person(service, by=keyworker, rating="amber")
    allocate(person, keyworker, timezone.localdate() - datetime.timedelta(days=30))
    today = timezone.localdate()
    follow_up_due(person, keyworker, "Ring the SENCo", today - datetime.timedelta(days=1))
    follow_up_due(person, keyworker, "Send the plan to CAMHS", today + datetime.timedelta(days=3))
    return person


def test_a_keyworker_marks_a_follow_up_done_from_their_home_without_javascript(
    new_page, keyworker, person_with_follow_ups, journey
):
    # Given a keyworker on their home page, with JavaScript off
    page = new_page(java_script_enabled=False)
    log_in(page, keyworker)
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    follow_ups = page.get_by_role("region", name="Follow-ups due")
    expect(follow_ups).to_contain_text("Ring the SENCo")
    expect(follow_ups).to_contain_text("Send the plan to CAMHS")
    assert_accessible(page)
    loads = journey(page, "mark a follow-up done", 1)

    # When they mark the overdue one as done from the list
    follow_ups.get_by_role("button", name=re.compile(r"^Mark as done\W+Ring the SENCo")).click()

    # Then they are back on their home page, told so, and only the other one is left
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text(
        f"Follow-up for {person_with_follow_ups.full_name} marked as done: Ring the SENCo"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(follow_ups).not_to_contain_text("Ring the SENCo")
    expect(follow_ups).to_contain_text("Send the plan to CAMHS")
    assert loads.count == 1
    assert FollowUp.objects.get(description="Ring the SENCo").done_on == timezone.localdate()
    assert_accessible(page)


def test_with_javascript_mark_as_done_updates_the_list_without_loading_a_page(page, keyworker, person_with_follow_ups):
    # Given a keyworker on their home page, with JavaScript on
    log_in(page, keyworker)
    page.goto("/")
    follow_ups = page.get_by_role("region", name="Follow-ups due")
    loads = PageLoads(page)

    # When they mark one as done
    follow_ups.get_by_role("button", name=re.compile(r"^Mark as done\W+Send the plan to CAMHS")).click()

    # Then the banner and the list change in place, and no page loads
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text("marked as done: Send the plan to CAMHS")
    expect(follow_ups).not_to_contain_text("Send the plan to CAMHS")
    expect(follow_ups).to_contain_text("Ring the SENCo")
    assert loads.count == 0
    assert FollowUp.objects.get(description="Send the plan to CAMHS").done_on == timezone.localdate()
    assert_accessible(page)


def test_the_managers_home_names_the_keyworker_and_filters_by_them(page, service, keyworker, person_with_follow_ups):
    # Given a manager on their home page
    log_in(page, create_user(service, Role.MANAGER))
    page.goto("/")
    expect(page.get_by_role("link", name="Referrals to decide")).to_be_visible()
    follow_ups = page.get_by_role("region", name="Follow-ups due")
    expect(follow_ups.get_by_role("row").filter(has_text="Ring the SENCo")).to_contain_text("Robin Ash")
    assert_accessible(page)

    # When they choose one keyworker's work
    page.get_by_label("Keyworker", exact=True).select_option(label="Robin Ash")
    page.get_by_role("button", name="Show their work").click()

    # Then the address says whose, and the page shows theirs
    page.wait_for_url(re.compile(rf"\?keyworker={keyworker.pk}$"))
    expect(page.get_by_role("heading", name="Robin Ash's work")).to_be_visible()
    expect(follow_ups).to_contain_text("Send the plan to CAMHS")
    assert_accessible(page)
