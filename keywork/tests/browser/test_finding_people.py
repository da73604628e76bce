"""Finding a person from the header's search box, as a keyworker would, in a real browser."""

import datetime

import pytest
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.testing.factories import allocate, create_user
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def keyworker(service):
    return create_user(service, Role.KEYWORKER)


@pytest.fixture
def theirs(service, keyworker, add_person):
    """A person allocated to the keyworker, with accents and a hyphen in their names."""
    person = add_person(
        service,
        by=create_user(service, Role.COORDINATOR),
        given_name="Zoë",
        family_name="Müller-Hart",
        date_of_birth=datetime.date(2015, 10, 5),
    )
    allocate(person, keyworker)
    return person


def search_from_the_header(page, text: str) -> None:
    box = page.get_by_role("searchbox", name="Search for someone")
    box.fill(text)
    box.press("Enter")


def test_a_keyworker_finds_a_person_by_nhs_number_typed_with_spaces_in_one_page_load(page, keyworker, theirs, journey):
    # Given a keyworker on a page with the header
    log_in(page, keyworker)
    assert_accessible(page)
    loads = journey(page, "find a person by NHS number", 1)

    # When they type the person's NHS number with spaces in the header's search box and press Enter
    number = theirs.nhs_number
    search_from_the_header(page, f"{number[:3]} {number[3:6]} {number[6:]}")

    # Then the person's record opens straight away
    page.wait_for_url(f"**{theirs.get_absolute_url()}**")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Zoë Müller-Hart")
    assert loads.count == 1
    assert_accessible(page)


def test_a_name_without_its_accents_finds_the_person_and_an_unknown_one_says_so(
    page, keyworker, theirs, other_service, add_person
):
    elsewhere = add_person(other_service, by=create_user(other_service, Role.COORDINATOR), family_name="Farawayson")
    log_in(page, keyworker)

    # Part of each name, in another order, without the accents
    search_from_the_header(page, "hart zoe")
    page.wait_for_url("**/search/?q=hart+zoe")
    expect(page.get_by_role("heading", name="1 person found")).to_be_visible()
    page.get_by_role("link", name="Müller-Hart, Zoë").click()
    page.wait_for_url(f"**{theirs.get_absolute_url()}**")

    # Someone in another service is not found, and the page says what to do
    search_from_the_header(page, elsewhere.family_name)
    expect(page.get_by_role("heading", name="No one found")).to_be_visible()
    expect(page.get_by_text("ask a manager in your service")).to_be_visible()
    # The person opened a moment ago is under the search
    recent = page.get_by_role("list").filter(has=page.get_by_role("link", name="Zoë Müller-Hart"))
    expect(recent).to_be_visible()
    assert_accessible(page)
