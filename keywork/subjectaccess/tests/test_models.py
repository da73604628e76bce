import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from keywork import audit
from keywork.accounts.models import Role
from keywork.subjectaccess import operations
from keywork.subjectaccess.models import Relationship, SubjectAccessRequest, response_due_on
from keywork.subjectaccess.tests.factories import make_request

D = datetime.date


@pytest.mark.parametrize(
    ("received", "extension", "due"),
    [
        (D(2025, 1, 31), 0, D(2025, 2, 28)),
        (D(2024, 1, 31), 0, D(2024, 2, 29)),
        (D(2025, 11, 30), 0, D(2025, 12, 30)),
        (D(2025, 12, 15), 0, D(2026, 1, 15)),
        (D(2025, 3, 31), 2, D(2025, 6, 30)),
        # An extension counts from receipt, not from the shortened February date.
        (D(2025, 1, 31), 1, D(2025, 3, 31)),
    ],
)
def test_a_response_is_due_one_calendar_month_after_receipt_plus_any_extension(received, extension, due):
    assert response_due_on(received, extension) == due


@pytest.fixture
def manager(service, make_user):
    return make_user(service, Role.MANAGER)


@pytest.fixture
def person(service, manager, add_person):
    return add_person(service, manager, date_of_birth=timezone.localdate() - datetime.timedelta(days=365 * 10))


def test_the_due_date_is_stored_when_the_request_is_recorded_and_moves_when_extended(person, manager):
    received = timezone.localdate() - datetime.timedelta(days=3)
    access_request = make_request(person, manager, received_on=received)
    assert access_request.due_on == response_due_on(received)
    extended = operations.extend(audit.Actor(manager, person.service), access_request, 2, "Complex: many records")
    extended.refresh_from_db()
    assert extended.due_on == response_due_on(received, 2)


def test_an_open_request_past_its_due_date_is_overdue_and_an_answered_one_is_not(person, manager):
    received = timezone.localdate() - datetime.timedelta(days=40)
    access_request = make_request(person, manager, received_on=received)
    assert access_request.is_overdue
    answered = operations.record_response(audit.Actor(manager, person.service), access_request, timezone.localdate())
    assert not answered.is_overdue


def test_a_request_due_today_is_not_yet_overdue(person, manager, monkeypatch):
    access_request = make_request(person, manager, received_on=D(2025, 1, 31))
    monkeypatch.setattr(timezone, "localdate", lambda: D(2025, 2, 28))
    assert not access_request.is_overdue
    monkeypatch.setattr(timezone, "localdate", lambda: D(2025, 3, 1))
    assert access_request.is_overdue


def test_an_extension_beyond_two_months_in_total_is_refused_and_nothing_changes(person, manager):
    actor = audit.Actor(manager, person.service)
    access_request = operations.extend(actor, make_request(person, manager), 1, "Several requests at once")
    with pytest.raises(ValidationError) as refusal:
        operations.extend(actor, access_request, 2, "Still more")
    assert "at most 2 months in total" in str(refusal.value)
    access_request.refresh_from_db()
    assert access_request.extension_months == 1


def test_an_extension_needs_a_reason(person, manager):
    with pytest.raises(ValidationError, match="reason for the extension"):
        operations.extend(audit.Actor(manager, person.service), make_request(person, manager), 1, "  ")


def test_a_response_dated_before_the_request_was_received_is_refused(person, manager):
    received = timezone.localdate() - datetime.timedelta(days=5)
    access_request = make_request(person, manager, received_on=received)
    with pytest.raises(ValidationError, match="before the request was received"):
        operations.record_response(
            audit.Actor(manager, person.service), access_request, received - datetime.timedelta(days=1)
        )


def test_a_parent_may_ask_for_a_child_under_16(person, manager):
    access_request = make_request(person, manager, relationship=Relationship.PARENT)
    assert access_request.pk


def test_a_parent_may_not_ask_for_someone_16_or_over_on_the_date_received(service, manager, add_person):
    today = timezone.localdate()
    sixteen_today = add_person(service, manager, date_of_birth=today.replace(year=today.year - 16))
    request = SubjectAccessRequest(
        person=sixteen_today, received_on=today, requester_name="A parent", relationship=Relationship.PARENT
    )
    with pytest.raises(ValidationError) as refusal:
        request.clean()
    assert "A parent can ask only for a child under 16" in refusal.value.message_dict["relationship"][0]
    assert "was 16" in refusal.value.message_dict["relationship"][0]


def test_recording_a_request_and_each_change_is_audited_against_the_person(person, manager):
    from keywork.audit.models import AuditEntry, Operation

    actor = audit.Actor(manager, person.service)
    access_request = make_request(person, manager)
    operations.extend(actor, access_request, 1, "Complex")
    operations.record_response(actor, access_request, timezone.localdate())
    entries = AuditEntry.objects.for_object(access_request).order_by("id")
    assert [entry.operation for entry in entries] == [Operation.CREATE] + [Operation.UPDATE] * 3
    assert all(entry.person_id == person.pk and entry.actor == manager for entry in entries)
    assert entries.last().changes == {"responded_on": timezone.localdate().isoformat()}


def test_erasing_a_person_under_the_retention_rules_takes_their_requests_with_them(person, manager):
    from keywork.records.retention import erase

    make_request(person, manager)
    erase(person, on=timezone.localdate())
    assert not SubjectAccessRequest.objects.exists()


def test_an_extension_after_the_first_month_has_passed_is_refused(person, manager, monkeypatch):
    access_request = make_request(person, manager, received_on=D(2025, 1, 31))
    monkeypatch.setattr(timezone, "localdate", lambda: D(2025, 3, 1))
    with pytest.raises(ValidationError, match="only within the first month"):
        operations.extend(audit.Actor(manager, person.service), access_request, 1, "Complex")
    access_request.refresh_from_db()
    assert access_request.extension_months == 0 and access_request.extension_reason == ""


def test_an_extension_on_the_last_day_of_the_first_month_is_allowed(person, manager, monkeypatch):
    access_request = make_request(person, manager, received_on=D(2025, 1, 31))
    monkeypatch.setattr(timezone, "localdate", lambda: D(2025, 2, 28))
    extended = operations.extend(audit.Actor(manager, person.service), access_request, 1, "Complex")
    assert extended.due_on == D(2025, 3, 31)


def test_a_request_already_responded_to_cannot_be_extended(person, manager):
    actor = audit.Actor(manager, person.service)
    access_request = operations.record_response(actor, make_request(person, manager), timezone.localdate())
    with pytest.raises(ValidationError, match="has been responded to"):
        operations.extend(actor, access_request, 1, "Complex")
    access_request.refresh_from_db()
    assert access_request.extension_months == 0


def test_a_second_extension_keeps_the_first_reason(person, manager, monkeypatch):
    actor = audit.Actor(manager, person.service)
    monkeypatch.setattr(timezone, "localdate", lambda: D(2026, 11, 3))
    access_request = make_request(person, manager, received_on=D(2026, 11, 1))
    access_request = operations.extend(actor, access_request, 1, "Records held by several agencies")
    monkeypatch.setattr(timezone, "localdate", lambda: D(2026, 11, 10))
    access_request = operations.extend(actor, access_request, 1, "A second request from the same person")
    access_request.refresh_from_db()
    assert access_request.extension_months == 2 and access_request.due_on == D(2027, 2, 1)
    assert access_request.extension_reason == (
        "1 month on 3 November 2026: Records held by several agencies; "
        "1 month on 10 November 2026: A second request from the same person"
    )


def test_an_identity_check_already_recorded_is_not_overwritten(person, manager, make_user, service):
    access_request = make_request(person, manager)
    other = make_user(service, Role.MANAGER)
    with pytest.raises(ValidationError, match="identity check was already recorded"):
        operations.record_identity_check(audit.Actor(other, service), access_request, timezone.localdate(), "Phone")
    access_request.refresh_from_db()
    assert (access_request.identity_checked_by, access_request.identity_evidence) == (manager, "Passport")


def test_a_response_already_recorded_is_not_overwritten(person, manager):
    actor = audit.Actor(manager, person.service)
    received = timezone.localdate() - datetime.timedelta(days=5)
    access_request = make_request(person, manager, received_on=received)
    operations.record_response(actor, access_request, received)
    with pytest.raises(ValidationError, match="response was already recorded"):
        operations.record_response(actor, access_request, timezone.localdate())
    access_request.refresh_from_db()
    assert access_request.responded_on == received


def test_an_action_on_a_stale_copy_does_not_undo_another_users_change(person, manager):
    """Two managers with the page open: one extends, the other records the response from the old copy."""
    actor = audit.Actor(manager, person.service)
    stale = make_request(person, manager)
    operations.extend(actor, SubjectAccessRequest.objects.get(pk=stale.pk), 1, "Complex")
    operations.record_response(actor, stale, timezone.localdate())
    stale.refresh_from_db()
    assert stale.extension_months == 1 and stale.responded_on == timezone.localdate()
    assert stale.due_on == response_due_on(stale.received_on, 1)
