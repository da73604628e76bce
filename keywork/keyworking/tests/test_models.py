import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from keywork import audit
from keywork.accounts.models import Role
from keywork.keyworking import operations
from keywork.keyworking.models import Allocation, Contact, Escalation, FollowUp, Referral
from keywork.testing.dates import TODAY, days_ago


def errors_of(record, exclude=()) -> dict:
    with pytest.raises(ValidationError) as error:
        record.full_clean(exclude=list(exclude))
    return error.value.message_dict


def test_declining_a_referral_needs_a_reason(person, manager):
    referral = Referral(
        person=person,
        route="dsr",
        received_on=days_ago(5),
        referrer_name="A",
        referrer_organisation="B",
        reason="C",
        decision="declined",
        decided_on=TODAY,
    )
    assert "Give the reason the referral was declined" in errors_of(referral, ["recorded_by"])["decision_reason"][0]


def test_accepting_a_referral_needs_no_reason_and_counts_the_days_to_decision(person):
    referral = Referral(
        person=person,
        route="direct",
        received_on=days_ago(5),
        referrer_name="A",
        referrer_organisation="B",
        reason="C",
        decision="accepted",
        decided_on=days_ago(2),
    )
    referral.full_clean(exclude=["recorded_by"])
    assert referral.days_to_decision == 3


def test_days_to_allocation_count_to_the_first_designated_keyworker(accepted_referral, make_user, service, allocate):
    allocate(accepted_referral.person, make_user(service, Role.KEYWORKER), starts_on=days_ago(40))
    assert accepted_referral.days_to_allocation() == 10


def test_a_manager_cannot_be_allocated_as_a_keyworker(person, manager):
    allocation = Allocation(person=person, worker=manager.user, starts_on=TODAY, reason="x")
    assert "Choose a keyworker" in errors_of(allocation, ["recorded_by", "worker_type"])["worker"][0]


def test_a_keyworker_of_another_service_cannot_be_allocated(person, other_service, make_user):
    allocation = Allocation(person=person, worker=make_user(other_service, Role.KEYWORKER), starts_on=TODAY, reason="x")
    assert "of this service" in errors_of(allocation, ["recorded_by", "worker_type"])["worker"][0]


def test_two_workers_of_the_same_type_cannot_overlap(person, service, make_user, allocate):
    allocate(person, make_user(service, Role.KEYWORKER), starts_on=days_ago(10))
    allocation = Allocation(
        person=person, worker=make_user(service, Role.KEYWORKER), starts_on=days_ago(10), reason="x"
    )
    assert "already has a Practice Consultant" in errors_of(allocation, ["recorded_by", "worker_type"])["starts_on"][0]


def test_a_later_allocation_of_the_same_type_is_a_reallocation(person, service, make_user, allocate, manager):
    first = allocate(person, make_user(service, Role.KEYWORKER), starts_on=days_ago(10))
    second = Allocation(person=person, worker=make_user(service, Role.KEYWORKER), starts_on=TODAY, reason="Moved team")
    second.full_clean(exclude=["recorded_by"])
    operations.allocate(audit.Actor(manager.user, service), second)
    first.refresh_from_db()
    assert (first.ends_on, first.end_reason) == (days_ago(1), "Moved team")
    assert list(person.allocations.current()) == [second]


def test_workers_of_different_types_may_be_allocated_together(person, service, make_user, allocate):
    allocate(person, make_user(service, Role.KEYWORKER), starts_on=days_ago(10))
    behaviour = make_user(service, Role.KEYWORKER)
    behaviour.worker_type = "behaviour_team"
    behaviour.save()
    Allocation(person=person, worker=behaviour, starts_on=days_ago(10), reason="x").full_clean(exclude=["recorded_by"])


def test_ending_keywork_ends_every_current_allocation_and_keeps_the_person(
    accepted_referral, service, make_user, allocate, manager
):
    allocation = allocate(accepted_referral.person, make_user(service, Role.KEYWORKER))
    accepted_referral.closed_on, accepted_referral.closing_reason = TODAY, "stepped_down"
    accepted_referral.full_clean()
    operations.close_keywork(audit.Actor(manager.user, service), accepted_referral, accepted_referral.version)
    allocation.refresh_from_db()
    assert allocation.ends_on == TODAY and allocation.end_reason == "Stepped down to green and stable"
    accepted_referral.person.refresh_from_db()
    assert accepted_referral.person.status == "active"


def test_a_contact_dated_in_the_future_is_refused(person, manager):
    contact = Contact(
        person=person,
        occurred_at=timezone.now() + datetime.timedelta(hours=2),
        contact_type="call",
        duration_minutes=10,
        notes="n",
    )
    assert "occurred_at" in errors_of(contact, ["recorded_by"])


def test_a_follow_up_needs_an_owner(person):
    follow_up = FollowUp(person=person, description="Ring school", due_on=TODAY)
    assert "owner" in errors_of(follow_up, ["contact"])


def test_an_escalation_response_before_the_escalation_is_refused(person, manager):
    escalation = Escalation(
        person=person,
        issue="i",
        escalated_to="o",
        level="manager",
        escalated_on=days_ago(3),
        response_due_on=TODAY,
        responded_on=days_ago(5),
        response="r",
    )
    assert "on or after the escalation" in errors_of(escalation, ["raised_by"])["responded_on"][0]


def test_an_escalation_without_a_response_after_its_due_date_is_overdue(person, manager):
    escalation = Escalation(person=person, escalated_on=days_ago(10), response_due_on=days_ago(1))
    assert escalation.is_overdue
    escalation.responded_on = days_ago(2)
    assert not escalation.is_overdue
