"""The referral and allocation routes of the JSON API: decisions, closing keywork, and the
one-worker-of-each-type rule with reallocation, reported as JSON that names the field."""

import datetime

import pytest

from keywork.accounts.models import Role, WorkerType
from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking.models import Allocation, Referral
from keywork.register.choices import RegisterStatus
from keywork.testing.api import created, errors, ok
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import keyworker_of, refer

from .test_api_support import allocation_body, counts, iso, referral_body

# Referrals ----------------------------------------------------------------------------------------


def test_recording_a_referral_answers_201_with_the_referral_awaiting_a_decision(api, person):
    body = created(api.post("/api/referrals", referral_body(person)))

    stored = Referral.objects.get(pk=body["id"])
    assert (stored.person, stored.decision, stored.recorded_by) == (person, "pending", api.user)
    assert body["person_id"] == person.pk and body["decision"] == "pending" and body["decided_on"] is None


def test_recording_a_referral_writes_an_audit_entry_for_its_creation(api, person):
    body = created(api.post("/api/referrals", referral_body(person)))

    entry = AuditEntry.objects.for_object(Referral.objects.get(pk=body["id"])).get(operation=Operation.CREATE)
    assert (entry.actor, entry.person_id) == (api.user, person.pk)


def test_a_referral_received_in_the_future_is_refused_naming_received_on(api, person):
    response = api.post("/api/referrals", referral_body(person, received_on=iso(days_ago(-1))))

    assert "received_on" in errors(response)
    assert not Referral.objects.exists()


def test_accepting_a_referral_records_the_decision_its_date_and_who_made_it(api, person, manager):
    pending = refer(person, manager.user)

    body = ok(
        api.post(
            f"/api/referrals/{pending.pk}/decision",
            {"version": 1, "decision": "accepted", "decided_on": iso(days_ago(15))},
        )
    )

    pending.refresh_from_db()
    assert (pending.decision, pending.decided_on, pending.decided_by) == ("accepted", days_ago(15), api.user)
    assert body["days_to_decision"] == 5


@pytest.mark.parametrize("decision", ["declined", "signposted"])
@pytest.mark.parametrize("reason", ["", "   "])
def test_declining_or_signposting_without_a_reason_is_refused_naming_decision_reason(
    api, person, manager, decision, reason
):
    pending = refer(person, manager.user)
    decision_body = {"version": 1, "decision": decision, "decided_on": iso(days_ago(1)), "decision_reason": reason}

    response = api.post(f"/api/referrals/{pending.pk}/decision", decision_body)

    assert "decision_reason" in errors(response)
    pending.refresh_from_db()
    assert (pending.decision, pending.decided_on, pending.decided_by) == ("pending", None, None)


def test_a_decision_dated_before_the_referral_was_received_is_refused_naming_decided_on(api, person, manager):
    pending = refer(person, manager.user, received_on=days_ago(20))

    response = api.post(
        f"/api/referrals/{pending.pk}/decision", {"version": 1, "decision": "accepted", "decided_on": iso(days_ago(21))}
    )

    assert "decided_on" in errors(response)
    pending.refresh_from_db()
    assert (pending.decision, pending.decided_on) == ("pending", None)


def closure_body(closed_on=None, closing_reason="stepped_down") -> dict:
    return {"version": 1, "closed_on": iso(closed_on or days_ago(2)), "closing_reason": closing_reason}


def test_closing_keywork_ends_every_current_allocation_on_the_closing_date(api, service, person, accepted_referral):
    consultant, behaviour = (
        keyworker_of(service),
        keyworker_of(service, WorkerType.BEHAVIOUR_TEAM),
    )
    for user in (consultant, behaviour):
        created(api.post("/api/allocations", allocation_body(person, user, starts_on=iso(days_ago(30)))))

    ok(api.post(f"/api/referrals/{accepted_referral.pk}/closure", closure_body(days_ago(2))))

    ended = {(a.worker, a.ends_on, a.end_reason) for a in Allocation.objects.filter(person=person)}
    reason = "Stepped down to green and stable"
    assert ended == {(consultant, days_ago(2), reason), (behaviour, days_ago(2), reason)}
    assert not Allocation.objects.current().filter(person=person).exists()


def test_closing_keywork_records_the_closing_date_and_reason_on_the_referral(api, person, accepted_referral):
    body = ok(api.post(f"/api/referrals/{accepted_referral.pk}/closure", closure_body(days_ago(2))))

    accepted_referral.refresh_from_db()
    assert (accepted_referral.closed_on, accepted_referral.closing_reason) == (days_ago(2), "stepped_down")
    assert body["closed_on"] == iso(days_ago(2))


def test_closing_keywork_keeps_the_person_on_the_register(api, person, accepted_referral):
    ok(api.post(f"/api/referrals/{accepted_referral.pk}/closure", closure_body()))

    person.refresh_from_db()
    assert person.status == RegisterStatus.ACTIVE
    assert ok(api.get(f"/api/people/{person.pk}"))["status"] == "active"


@pytest.mark.parametrize("decision", ["pending", "declined", "signposted"])
def test_closing_a_referral_that_was_not_accepted_is_refused_and_ends_nothing(
    api, service, person, manager, allocate, decision
):
    decided_on = None if decision == "pending" else days_ago(10)
    not_accepted = refer(person, manager.user, decision=decision, decided_on=decided_on)
    if decision != "pending":
        not_accepted.decision_reason = "Needs are met elsewhere"
        not_accepted.save()
    allocation = allocate(person, keyworker_of(service))

    response = api.post(f"/api/referrals/{not_accepted.pk}/closure", closure_body())

    assert "closed_on" in errors(response)
    not_accepted.refresh_from_db()
    allocation.refresh_from_db()
    assert (not_accepted.closed_on, allocation.ends_on) == (None, None)


# Allocations --------------------------------------------------------------------------------------


def test_allocating_a_keyworker_answers_201_with_the_worker_type_of_their_account(api, service, person):
    behaviour = keyworker_of(service, WorkerType.BEHAVIOUR_TEAM)

    body = created(api.post("/api/allocations", allocation_body(person, behaviour)))

    assert (body["worker_id"], body["worker_type"], body["ends_on"]) == (behaviour.pk, "behaviour_team", None)
    assert Allocation.objects.get(pk=body["id"]).recorded_by == api.user


@pytest.mark.parametrize("role", [Role.MANAGER, Role.COORDINATOR, Role.LEAD, Role.COMMISSIONER, Role.ADMIN])
def test_allocating_a_user_who_is_not_a_keyworker_is_refused_naming_worker(api, service, person, make_user, role):
    response = api.post("/api/allocations", allocation_body(person, make_user(service, role)))

    assert "worker" in errors(response)
    assert not Allocation.objects.exists()


def test_allocating_a_keyworker_of_another_service_is_refused_naming_the_worker(api, person, other_service):
    response = api.post("/api/allocations", allocation_body(person, keyworker_of(other_service)))

    assert {"worker", "worker_id"} & set(errors(response))
    assert not Allocation.objects.exists()


def test_a_second_worker_of_the_same_type_from_the_same_day_is_refused_naming_starts_on(api, service, person):
    first, second = (
        keyworker_of(service, WorkerType.BEHAVIOUR_TEAM),
        keyworker_of(service, WorkerType.BEHAVIOUR_TEAM),
    )
    created(api.post("/api/allocations", allocation_body(person, first, starts_on=iso(days_ago(5)))))
    before = counts(Allocation)

    response = api.post("/api/allocations", allocation_body(person, second, starts_on=iso(days_ago(5))))

    assert "starts_on" in errors(response)
    assert counts(Allocation) == before
    assert Allocation.objects.get().ends_on is None


def test_an_allocation_starting_before_one_of_the_same_type_is_refused_naming_starts_on(api, service, person):
    created(
        api.post(
            "/api/allocations",
            allocation_body(person, keyworker_of(service), starts_on=iso(days_ago(5))),
        )
    )

    response = api.post("/api/allocations", allocation_body(person, keyworker_of(service), starts_on=iso(days_ago(8))))

    assert "starts_on" in errors(response)
    assert Allocation.objects.count() == 1


def test_a_later_practice_consultant_allocation_ends_the_previous_one_the_day_before(api, service, person):
    before, after = keyworker_of(service), keyworker_of(service)
    first = created(api.post("/api/allocations", allocation_body(person, before, starts_on=iso(days_ago(30)))))

    second = created(
        api.post("/api/allocations", allocation_body(person, after, starts_on=iso(days_ago(3)), reason="Moved team"))
    )

    previous = Allocation.objects.get(pk=first["id"])
    assert previous.ends_on == days_ago(3) - datetime.timedelta(days=1)
    assert previous.end_reason == "Moved team"
    assert list(Allocation.objects.current().filter(person=person).values_list("pk", flat=True)) == [second["id"]]


def test_workers_of_different_types_may_be_allocated_to_a_person_at_once(api, service, person):
    for worker_type in WorkerType.values:
        created(
            api.post(
                "/api/allocations",
                allocation_body(person, keyworker_of(service, worker_type)),
            )
        )

    current = ok(api.get("/api/allocations", person_id=person.pk, current="true"))
    assert sorted(item["worker_type"] for item in current) == sorted(WorkerType.values)
    assert all(item["ends_on"] is None for item in current)


def test_ending_an_allocation_records_the_end_date_and_reason(api, service, person, allocate):
    allocation = allocate(person, keyworker_of(service), starts_on=days_ago(30))

    body = ok(api.post(f"/api/allocations/{allocation.pk}/end", {"ends_on": iso(TODAY), "end_reason": "Stepped down"}))

    allocation.refresh_from_db()
    assert (allocation.ends_on, allocation.end_reason) == (TODAY, "Stepped down")
    assert body["ends_on"] == iso(TODAY)


def test_ending_an_allocation_before_it_started_is_refused_naming_ends_on(api, service, person, allocate):
    allocation = allocate(person, keyworker_of(service), starts_on=days_ago(30))

    response = api.post(f"/api/allocations/{allocation.pk}/end", {"ends_on": iso(days_ago(31)), "end_reason": "Oops"})

    assert "ends_on" in errors(response)
    allocation.refresh_from_db()
    assert (allocation.ends_on, allocation.end_reason) == (None, "")
