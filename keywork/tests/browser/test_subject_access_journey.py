"""A team manager records a subject access request, checks the requester's identity, downloads the
pack, and places a legal hold on the record, all from the browser."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from keywork.presenters import uk_date, uk_long_date
from keywork.subjectaccess.models import SubjectAccessRequest, response_due_on
from keywork.subjectaccess.operations import IDENTITY_FIRST
from keywork.testing.factories import create_user

from .conftest import assert_accessible, log_in

pytestmark = pytest.mark.browser


def summary_value(page, key: str) -> str:
    return page.locator(f".nhsuk-summary-list__row:has(dt:text-is('{key}')) dd").first.inner_text().strip()


def test_a_manager_records_a_subject_access_request_downloads_the_pack_and_places_a_legal_hold(
    page, service, add_person
):
    manager = create_user(service, "manager")
    person = add_person(service, by=manager, rating="red")
    received = timezone.localdate() - datetime.timedelta(days=10)
    log_in(page, manager)

    # The person's records page offers to record a request; the empty form is refused with an error summary.
    page.goto(reverse("register:person_records", args=[person.pk]))
    assert_accessible(page)
    page.get_by_role("link", name="Record a subject access request").click()
    page.wait_for_url(f"**{reverse('subjectaccess:add', args=[person.pk])}")
    assert_accessible(page)
    for part in range(3):
        page.locator(f"#id_received_on_{part}").fill("")
    page.get_by_role("button", name="Record the request").click()
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible(page)
    assert not SubjectAccessRequest.objects.exists()

    page.locator("#id_received_on_0").fill(str(received.day))
    page.locator("#id_received_on_1").fill(str(received.month))
    page.locator("#id_received_on_2").fill(str(received.year))
    page.get_by_label("Name of the person asking").fill("Sam Requester")
    page.get_by_label("The person themselves").check()
    page.get_by_role("button", name="Record the request").click()

    # The request page: due one calendar month after receipt, and no pack before the identity check.
    access_request = SubjectAccessRequest.objects.get()
    request_url = access_request.get_absolute_url()
    page.wait_for_url(f"**{request_url}")
    assert_accessible(page)
    # In full on the request's page, abbreviated in the list's table below.
    assert summary_value(page, "Received") == uk_long_date(received)
    assert summary_value(page, "Response due") == uk_long_date(response_due_on(received))
    assert summary_value(page, "Identity") == "Not checked yet"
    assert page.get_by_text("Download the pack").count() == 0

    for name in ("subjectaccess:pack_pdf", "subjectaccess:pack_zip"):
        page.goto(reverse(name, args=[access_request.pk]))
        page.wait_for_url(f"**{request_url}")
        assert page.locator(".nhsuk-notification-banner").get_by_text(IDENTITY_FIRST).is_visible()
        assert_accessible(page)

    page.get_by_label("How identity was checked").fill("Passport seen in person")
    page.get_by_role("button", name="Record the identity check").click()
    page.wait_for_url(f"**{request_url}")
    assert_accessible(page)
    assert "Passport seen in person" in summary_value(page, "Identity")

    # The NHS.UK button component renders these links with role="button".
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the pack (PDF)").click()
    assert info.value.suggested_filename.endswith(".pdf")
    with open(info.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the pack with files and data (ZIP)").click()
    assert info.value.suggested_filename.endswith(".zip")
    with open(info.value.path(), "rb") as archive:
        assert archive.read(2) == b"PK"

    # The list of requests shows this one.
    page.goto(reverse("subjectaccess:list"))
    assert_accessible(page)
    row = page.locator("table tbody tr").filter(has_text=person.full_name)
    assert row.count() == 1
    assert "Sam Requester (the person themselves)" in row.inner_text()
    assert uk_date(response_due_on(received)) in row.inner_text()

    # A legal hold from the person's records page: the empty form is refused, then placed with a reason.
    page.goto(reverse("register:person_records", args=[person.pk]))
    page.get_by_role("link", name="Place a legal hold").click()
    page.wait_for_url(f"**{reverse('records:legal_hold', args=[person.pk])}")
    assert_accessible(page)
    page.get_by_role("button", name="Place the hold").click()
    assert page.locator(".nhsuk-error-summary").is_visible()
    assert_accessible(page)
    reason = "Complaint to the ombudsman about the 2025 admission"
    page.get_by_label("Reason").fill(reason)
    page.get_by_role("button", name="Place the hold").click()

    page.wait_for_url(f"**{reverse('register:person_records', args=[person.pk])}#legal-hold")
    assert_accessible(page)
    records = page.locator("h2:text-is('Records management') ~ p").first
    assert reason in records.inner_text()
    person.refresh_from_db()
    assert person.legal_hold and person.legal_hold_reason == reason
