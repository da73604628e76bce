"""The person's record in a real browser: a keyworker records a contact from it and sees it; every
sub-page of a busy record fits in three screens, passes axe, and prints without what only works on
screen."""

import datetime
import random
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.keyworking.models import Contact, SupportPlan
from keywork.outcomes.models import BehaviourRecord, Goal
from keywork.personrecord import TABS
from keywork.presenters import uk_long_date
from keywork.register.record_pages import person_url
from keywork.signposting.models import Signposting
from keywork.testing import factories
from keywork.testing.dates import days_ago
from keywork.tests.browser.conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser

SCREEN = {"width": 1280, "height": 800}
THREE_SCREENS = 3 * SCREEN["height"]


def fill_date(page, field: str, day: datetime.date) -> None:
    page.locator(f"#id_{field}_0").fill(str(day.day))
    page.locator(f"#id_{field}_1").fill(str(day.month))
    page.locator(f"#id_{field}_2").fill(str(day.year))


@pytest.fixture
def keyworker(service):
    return factories.create_user(service, Role.KEYWORKER)


@pytest.fixture
def person(service, keyworker, add_person):
    manager = factories.create_user(service, Role.MANAGER)
    person = add_person(service, by=manager, rating="amber")
    factories.accept_referral(person, manager, decided_on=days_ago(200))
    factories.allocate(person, keyworker, days_ago(195), by=manager)
    return person


def busy(person, by) -> None:
    """A year of keywork, as busy as the demo's busiest record: weekly contacts, a plan, goals and a
    year of weekly behaviour records."""
    rng = random.Random(7)
    for week in range(52):
        Contact.objects.create(
            person=person,
            occurred_at=timezone.now() - datetime.timedelta(days=7 * week + 1),
            contact_type=rng.choice(["call", "home_visit", "school"]),
            duration_minutes=60,
            notes="Call with the school SENCo about the reduced timetable; back to full days after half term.",
            recorded_by=by,
        )
        BehaviourRecord.objects.create(
            person=person,
            behaviour_type="self_injury",
            week_starting=days_ago(7 * week + 7),
            frequency_per_week=rng.randint(0, 9),
            severity=3,
        )
    SupportPlan.objects.create(
        person=person,
        version=1,
        what_helps="A quiet room and a visual timetable",
        triggers="Sudden changes of plan; loud places",
        early_warning_signs="Pacing, covering ears",
        who_to_call="Mum, then the keyworker on 01632 960001",
        agreed_responses="Step back, offer the quiet room, no demands",
        saved_by=by,
    )
    for goal in ("Sleep through the night", "Go to school every morning", "Join a club"):
        Goal.objects.create(person=person, description=goal, set_on=days_ago(150), set_with="Young person and mum")
    for place in ("Medway Autism Youth Club", "Inclusive swimming at the leisure centre", "Young carers' project"):
        Signposting.objects.create(
            person=person, signposted_on=days_ago(40), organisation=place, kind="activity", recorded_by=by
        )


def test_a_keyworker_records_a_contact_from_the_record_and_sees_it(page, journey, keyworker, person):
    log_in(page, keyworker)
    page.goto(person_url(person, "keywork"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(person.full_name)
    loads = journey(page, "contact recorded and seen", 3)

    page.get_by_role("button", name="Record a contact").click()  # a link styled, and named, as a button
    expect(page.get_by_role("heading", level=1)).to_have_text("Record a contact")
    assert_accessible(page)
    day = timezone.localdate() - datetime.timedelta(days=1)
    page.get_by_role("radio", name="Home visit").check()
    fill_date(page, "contact_date", day)
    page.get_by_label("Time", exact=True).fill("10:30")
    page.get_by_label("Duration in minutes").fill("45")
    page.get_by_label("Notes", exact=True).fill("Visited at home with their mother; calmer this week")
    page.get_by_role("button", name="Save").click()

    page.wait_for_url(re.compile(r"/register/\d+/keywork/#contacts$"))
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text(f"Contact on {uk_long_date(day)} recorded")
    newest = page.locator("#contacts ~ ul").first.get_by_role("listitem").first
    expect(newest).to_contain_text("Visited at home with their mother; calmer this week")
    expect(newest).to_be_in_viewport()
    assert_accessible(page)
    assert loads.count == 2


def test_every_sub_page_of_a_busy_record_fits_three_screens_and_passes_axe(new_page, service, person):
    manager = factories.create_user(service, Role.MANAGER)
    busy(person, manager)
    page = new_page(viewport=SCREEN)
    log_in(page, manager)
    heights = {}
    for tab in TABS:
        page.goto(person_url(person, tab.slug))
        expect(page.locator('.keywork-record-navigation [aria-current="page"]')).to_have_text(tab.label)
        heights[tab.slug] = page.evaluate("document.documentElement.scrollHeight")
        assert_accessible(page)
    print("document heights at 1280 x 800:", heights)
    assert {tab: height for tab, height in heights.items() if height > THREE_SCREENS} == {}


def test_printing_the_record_and_the_crisis_plan_leaves_out_what_only_works_on_screen(page, service, person):
    manager = factories.create_user(service, Role.MANAGER)
    busy(person, manager)
    log_in(page, manager)
    page.emulate_media(media="print")
    on_screen_only = ["header.nhsuk-header", ".keywork-record-navigation", ".nhsuk-button", ".nhsuk-footer"]
    page.goto(person_url(person))
    for selector in [*on_screen_only, ".nhsuk-summary-list__actions"]:
        assert page.locator(selector).count() > 0, selector
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()

    page.goto(person_url(person, "plans"))
    page.get_by_role("link", name="Printable crisis plan").click()
    expect(page.get_by_text("Mum, then the keyworker on 01632 960001")).to_be_visible()
    expect(page.locator("header.nhsuk-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Print the plan")).to_be_hidden()

    page.emulate_media(media="screen")
    expect(page.get_by_role("button", name="Print the plan")).to_be_visible()
    assert_accessible(page)
