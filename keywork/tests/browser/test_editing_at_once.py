"""Two keyworkers answer the same escalation at once, in two browsers: the second save is refused,
their typing kept, with what the first changed named in the error summary; saving again goes through."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing import factories
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def test_the_second_of_two_people_answering_an_escalation_is_told_what_changed_and_keeps_their_words(
    new_page, service, add_person
):
    manager = factories.create_user(service, Role.MANAGER)
    other_manager = factories.create_user(service, Role.MANAGER)
    person = add_person(service, by=manager, rating="amber")
    escalation = factories.escalate(person, manager)
    url = reverse("keyworking:respond", args=[escalation.pk])
    first, second = new_page(), new_page()
    for page, user in ((first, manager), (second, other_manager)):
        log_in(page, user)
        page.goto(url)

    first.get_by_label("Response").fill("Called back")
    first.get_by_role("button", name="Save").click()
    second.get_by_label("Response").fill("Left a message with the team")
    second.get_by_role("button", name="Save").click()

    summary = second.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Someone else changed this record while you were editing it")
    expect(summary).to_contain_text("Response is now “Called back”")
    expect(second.get_by_label("Response")).to_have_value("Left a message with the team")
    assert_accessible(second)
    second.get_by_role("button", name="Save").click()
    expect(second.locator(".nhsuk-notification-banner")).to_contain_text("Response from Trust recorded")
    escalation.refresh_from_db()
    assert (escalation.response, escalation.version) == ("Left a message with the team", 3)
