"""The easy-read plan in a real browser: a keyworker opens it from the person's plans, it passes axe
with its pictograms shown, and its PDF downloads and reads back as the same one-page plan."""

import re

import pytest
from playwright.sync_api import expect

from keywork.accounts.models import Role
from keywork.keyworking.models import SupportPlan
from keywork.keyworking.synthetic import DEMO_PLAN
from keywork.register.record_pages import person_url
from keywork.testing.factories import allocate, create_user
from keywork.testing.pdf import page_texts
from keywork.tests.browser.conftest import assert_accessible, log_in
from keywork.tests.browser.test_dsr_meeting import download

pytestmark = pytest.mark.browser


def test_a_keyworker_opens_the_easy_read_plan_and_downloads_it_as_a_pdf(page, service, add_person):
    keyworker = create_user(service, Role.KEYWORKER)
    keyworker.first_name, keyworker.last_name = "Priya", "Easyread"
    keyworker.save()
    person = add_person(service, keyworker, rating="amber", given_name="Robin", family_name="Plantest")
    allocate(person, keyworker)
    SupportPlan.objects.create(person=person, version=1, saved_by=keyworker, **DEMO_PLAN)

    # Given the keyworker on the person's plans, when they follow the link to the easy-read plan
    log_in(page, keyworker)
    page.goto(person_url(person, "plans"))
    page.get_by_role("link", name="Easy read plan").click()

    # Then it shows each part under its heading, one idea a line, with its pictogram, and passes axe
    expect(page.get_by_role("heading", level=1)).to_have_text("My plan")
    expect(page.get_by_role("heading", name="Things that upset me")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text=re.compile("^Covering ears$"))).to_be_visible()
    expect(page.get_by_text("My keyworker is Priya Easyread.")).to_be_visible()
    pictures = page.locator("img.keywork-easy-read__picture")
    expect(pictures).to_have_count(6)
    assert all(pictures.nth(i).evaluate("img => img.complete && img.naturalWidth > 0") for i in range(6))
    assert_accessible(page)

    # And its PDF downloads as the same plan on one page, the pictograms credited
    (text,) = page_texts(download(page, "Download the easy read plan (PDF)"))
    assert "Signs I am getting upset" in text and "One familiar adult stays" in text and "OpenMoji" in text
