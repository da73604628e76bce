import datetime

import pytest
from django.urls import reverse

from conftest import date_parts
from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.subjectaccess.models import SubjectAccessRequest
from keywork.subjectaccess.tests.factories import make_request
from keywork.testing.dates import TODAY  # noqa: E402


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


@pytest.fixture
def person(service, manager, add_person):
    return add_person(service, manager.user)


def exports_of(access_request):
    return AuditEntry.objects.for_object(access_request).filter(operation=Operation.EXPORT)


def test_a_manager_records_a_request_from_the_persons_page_and_it_is_audited(manager, person):
    page = manager.http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    add_url = reverse("subjectaccess:add", args=[person.pk])
    assert add_url in page
    response = manager.http.post(
        add_url,
        {**date_parts("received_on", TODAY), "requester_name": "Robin Example", "relationship": "self"},
    )
    access_request = SubjectAccessRequest.objects.get(person=person)
    assert response.status_code == 302 and response.url == access_request.get_absolute_url()
    assert access_request.due_on > TODAY and access_request.recorded_by == manager.user
    (entry,) = AuditEntry.objects.for_object(access_request)
    assert (entry.operation, entry.person_id, entry.actor) == (Operation.CREATE, person.pk, manager.user)


def test_the_record_form_shows_its_errors_in_a_summary(manager, person):
    response = manager.http.post(reverse("subjectaccess:add", args=[person.pk]), {"relationship": "self"})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body
    assert "Enter the name of the person asking" in body and not SubjectAccessRequest.objects.exists()


def test_roles_that_may_see_the_person_but_not_answer_requests_do_not_see_the_section(service, as_role, person):
    coordinator = as_role(Role.COORDINATOR)
    page = coordinator.http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    assert 'id="timeline"' in page and "Record a subject access request" not in page


@pytest.mark.parametrize("role", [Role.KEYWORKER, Role.COORDINATOR, Role.COMMISSIONER, Role.REGIONAL])
def test_roles_without_the_permission_are_refused_every_subject_access_page(role, as_role, manager, person):
    access_request = make_request(person, manager.user)
    user = as_role(role)
    for url in [
        reverse("subjectaccess:list"),
        reverse("subjectaccess:add", args=[person.pk]),
        access_request.get_absolute_url(),
        reverse("subjectaccess:pack_pdf", args=[access_request.pk]),
        reverse("subjectaccess:pack_zip", args=[access_request.pk]),
    ]:
        assert user.http.get(url).status_code == 403, url
    assert user.http.post(reverse("subjectaccess:response", args=[access_request.pk]), {}).status_code == 403
    assert not exports_of(access_request).exists()


def test_another_services_requests_are_not_found_and_not_listed(other_service, make_user, add_person, manager):
    stranger_manager = make_user(other_service, Role.MANAGER)
    stranger = make_request(add_person(other_service, stranger_manager), stranger_manager)
    for name in ("subjectaccess:request", "subjectaccess:pack_pdf", "subjectaccess:pack_zip"):
        assert manager.http.get(reverse(name, args=[stranger.pk])).status_code == 404, name
    response = manager.http.post(
        reverse("subjectaccess:response", args=[stranger.pk]), date_parts("responded_on", TODAY)
    )
    assert response.status_code == 404
    stranger.refresh_from_db()
    assert stranger.responded_on is None and not exports_of(stranger).exists()
    assert stranger.requester_name not in manager.http.get(reverse("subjectaccess:list")).content.decode()


def test_the_pack_is_refused_until_identity_is_checked_and_nothing_is_made(manager, person):
    access_request = make_request(person, manager.user, identity_checked=False)
    response = manager.http.get(reverse("subjectaccess:pack_pdf", args=[access_request.pk]), follow=True)
    body = response.content.decode()
    assert response.redirect_chain == [(access_request.get_absolute_url(), 302)]
    assert "cannot be made until the requester&#39;s identity has been checked" in body
    assert response["Content-Type"].startswith("text/html") and not exports_of(access_request).exists()


def test_recording_the_identity_check_lets_the_pack_be_downloaded_and_each_download_is_audited(manager, person):
    access_request = make_request(person, manager.user, identity_checked=False)
    manager.http.post(
        reverse("subjectaccess:identity", args=[access_request.pk]),
        {**date_parts("identity_checked_on", TODAY), "identity_evidence": "Passport seen in person"},
    )
    access_request.refresh_from_db()
    assert access_request.identity_checked_by == manager.user
    pdf = manager.http.get(reverse("subjectaccess:pack_pdf", args=[access_request.pk]))
    packed = manager.http.get(reverse("subjectaccess:pack_zip", args=[access_request.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert packed["Content-Type"] == "application/zip" and packed.content.startswith(b"PK")
    formats = [entry.changes["subject_access_pack"] for entry in exports_of(access_request).order_by("id")]
    assert formats == ["pdf", "zip"]
    assert set(exports_of(access_request).values_list("person_id", "actor")) == {(person.pk, manager.user.pk)}


def test_an_extension_beyond_two_months_shows_the_refusal_on_the_request_page(manager, person):
    access_request = make_request(person, manager.user)
    url = reverse("subjectaccess:extend", args=[access_request.pk])
    assert manager.http.post(url, {"extension_months": "2", "extension_reason": "Complex"}).status_code == 302
    response = manager.http.post(url, {"extension_months": "1", "extension_reason": "More"})
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body and "at most 2 months in total" in body
    access_request.refresh_from_db()
    assert access_request.extension_months == 2
    updates = AuditEntry.objects.for_object(access_request).filter(operation=Operation.UPDATE)
    assert [entry.changes.get("extended_by_months") for entry in updates] == [2, None]  # the identity check


def test_an_extension_without_a_reason_is_refused_with_an_error_against_the_box(manager, person):
    access_request = make_request(person, manager.user)
    response = manager.http.post(reverse("subjectaccess:extend", args=[access_request.pk]), {"extension_months": "1"})
    assert 'href="#id_extension_reason"' in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.extension_months == 0


def test_a_response_before_receipt_is_refused_on_the_page(manager, person):
    received = TODAY - datetime.timedelta(days=3)
    access_request = make_request(person, manager.user, received_on=received)
    response = manager.http.post(
        reverse("subjectaccess:response", args=[access_request.pk]),
        date_parts("responded_on", received - datetime.timedelta(days=1)),
    )
    assert "The response cannot be dated before the request was received" in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.responded_on is None


def test_the_list_shows_open_requests_first_with_overdue_ones_flagged(manager, person):
    answered = make_request(person, manager.user, requester_name="Answered Asker")
    answered.responded_on = TODAY
    answered.save()
    make_request(person, manager.user, requester_name="Overdue Asker", received_on=TODAY - datetime.timedelta(days=45))
    make_request(person, manager.user, requester_name="Fresh Asker")
    body = manager.http.get(reverse("subjectaccess:list")).content.decode()
    assert body.index("Overdue Asker") < body.index("Fresh Asker") < body.index("Answered Asker")
    overdue_row = body[body.index("Overdue Asker") : body.index("Fresh Asker")]
    assert "Overdue" in overdue_row.replace("Overdue Asker", "")
    fresh_row = body[body.index("Fresh Asker") : body.index("Answered Asker")]
    assert "Overdue" not in fresh_row.replace("Overdue Asker", "")


def test_managers_reach_the_list_from_the_header(manager):
    assert reverse("subjectaccess:list") in manager.http.get(reverse("home")).content.decode()


def test_posting_the_identity_check_again_is_refused_and_the_first_check_kept(manager, person):
    access_request = make_request(person, manager.user)
    response = manager.http.post(
        reverse("subjectaccess:identity", args=[access_request.pk]),
        {**date_parts("identity_checked_on", TODAY), "identity_evidence": "Overwritten"},
    )
    assert response.status_code == 200 and "identity check was already recorded" in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.identity_evidence == "Passport"


def test_posting_the_response_again_is_refused_and_the_first_date_kept(manager, person):
    received = TODAY - datetime.timedelta(days=3)
    access_request = make_request(person, manager.user, received_on=received)
    url = reverse("subjectaccess:response", args=[access_request.pk])
    assert manager.http.post(url, date_parts("responded_on", received)).status_code == 302
    response = manager.http.post(url, date_parts("responded_on", TODAY))
    assert response.status_code == 200 and "response was already recorded" in response.content.decode()
    access_request.refresh_from_db()
    assert access_request.responded_on == received


def test_after_the_first_month_the_page_says_the_request_can_no_longer_be_extended(manager, person):
    access_request = make_request(person, manager.user, received_on=TODAY - datetime.timedelta(days=40))
    body = manager.http.get(access_request.get_absolute_url()).content.decode()
    assert "can no longer be extended" in body and reverse("subjectaccess:extend", args=[access_request.pk]) not in body
