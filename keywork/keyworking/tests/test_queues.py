"""The referral queues and the referrals page: waiting for a decision, then for a keyworker."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.keyworking import queues
from keywork.register.models import Person
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, keyworker_of, refer
from keywork.testing.pages import date_parts

REFERRALS = reverse("keyworking:referrals")


@pytest.fixture
def someone(service, manager, add_person):
    """someone() → a new person in the manager's service."""
    return lambda: add_person(service, manager.user)


def test_referrals_waiting_for_a_decision_are_listed_oldest_first(service, manager, someone):
    newer = refer(someone(), manager.user, received_on=days_ago(2))
    older = refer(someone(), manager.user, received_on=days_ago(9))
    accept_referral(someone(), manager.user, decided_on=days_ago(1))
    assert list(queues.awaiting_decision(Person.objects.filter(service=service))) == [older, newer]


def test_accepted_referrals_without_a_keyworker_wait_for_allocation_oldest_first(service, manager, someone, allocate):
    newer = accept_referral(someone(), manager.user, decided_on=days_ago(1), received_on=days_ago(3))
    older = accept_referral(someone(), manager.user, decided_on=days_ago(1), received_on=days_ago(8))
    allocated = accept_referral(someone(), manager.user, decided_on=days_ago(1))
    allocate(allocated.person, keyworker_of(service))
    closed = accept_referral(someone(), manager.user, decided_on=days_ago(30), closed_on=days_ago(2))
    waiting = list(queues.awaiting_allocation(Person.objects.filter(service=service)))
    assert waiting == [older, newer] and allocated not in waiting and closed not in waiting


def test_a_person_with_only_a_behaviour_worker_still_waits_for_a_keyworker(service, manager, someone, allocate):
    referral = accept_referral(someone(), manager.user, decided_on=days_ago(1))
    allocate(referral.person, keyworker_of(service, "behaviour_team"))
    assert list(queues.awaiting_allocation(Person.objects.filter(service=service))) == [referral]


def test_the_queues_hold_only_the_people_they_are_given(service, other_service, manager, someone, add_person):
    ours = refer(someone(), manager.user)
    refer(add_person(other_service, manager.user), manager.user)
    assert list(queues.awaiting_decision(Person.objects.filter(service=service))) == [ours]


def test_counting_a_queue_is_one_query(service, manager, someone):
    for _ in range(3):
        refer(someone(), manager.user)
    with CaptureQueriesContext(connection) as queries:
        count = queues.awaiting_decision(Person.objects.filter(service=service)).count()
    assert (count, len(queries)) == (3, 1)


def test_days_waiting_are_counted_from_receipt_and_overdue_after_the_services_target(service, manager, someone):
    service.referral_decision_target_days = 10
    service.save()
    on_target = refer(someone(), manager.user, received_on=days_ago(10))
    late = refer(someone(), manager.user, received_on=days_ago(11))
    rows = {r.pk: r for r in queues.awaiting_decision(Person.objects.filter(service=service))}
    assert (rows[on_target.pk].days_waiting, rows[on_target.pk].decision_overdue) == (10, False)
    assert (rows[late.pk].days_waiting, rows[late.pk].decision_overdue) == (11, True)


def test_the_referrals_page_shows_days_waiting_and_marks_those_over_target(service, manager, someone):
    refer(someone(), manager.user, received_on=days_ago(1))
    refer(someone(), manager.user, received_on=days_ago(12))
    page = manager.http.get(REFERRALS).content.decode()
    assert "1 day<" in page and "12 days" in page and page.count(">Overdue<") == 1
    assert "aims to decide within 10 days" in page


def test_the_referrals_page_shows_only_the_managers_service(service, other_service, manager, someone, add_person):
    ours = refer(someone(), manager.user)
    theirs = refer(add_person(other_service, manager.user), manager.user)
    page = manager.http.get(REFERRALS).content.decode()
    assert ours.person.full_name in page and theirs.person.full_name not in page


@pytest.mark.parametrize("role", [Role.KEYWORKER, Role.COORDINATOR, Role.COMMISSIONER, Role.REGIONAL])
def test_roles_that_neither_decide_nor_allocate_are_refused_the_referrals_page(as_role, role):
    assert as_role(role).http.get(REFERRALS).status_code == 403


@pytest.mark.parametrize("role", [Role.MANAGER, Role.LEAD, Role.ADMIN])
def test_roles_that_decide_and_allocate_see_both_queues(as_role, role):
    names = [queue["name"] for queue in as_role(role).http.get(REFERRALS).context["queues"]]
    assert names == ["decision", "allocation"]


def test_a_long_queue_is_capped_with_a_link_saying_how_many_more(service, manager, someone):
    for days in range(12):
        refer(someone(), manager.user, received_on=days_ago(days))
    response = manager.http.get(REFERRALS)
    assert len(response.context["queues"][0]["referrals"]) == 10
    assert "See all 12 referrals waiting for a decision</a> (2 more)" in response.content.decode()
    full = manager.http.get(REFERRALS, {"queue": "decision"})
    assert len(full.context["queues"]) == 1 and len(full.context["queues"][0]["referrals"]) == 12


def test_an_unknown_queue_is_not_found(manager):
    assert manager.http.get(REFERRALS, {"queue": "everything"}).status_code == 404


def test_declining_from_the_queue_returns_to_it_naming_the_person_and_decision(manager, someone):
    referral = refer(someone(), manager.user, received_on=days_ago(5))
    decide = reverse("keyworking:decide_referral", args=[referral.pk])
    form = manager.http.get(decide, {"next": REFERRALS})
    assert f'name="next" value="{REFERRALS}"' in form.content.decode()
    response = manager.http.post(
        decide,
        {
            "version": 1,
            "decision": "declined",
            "decision_reason": "Needs met",
            "next": REFERRALS,
            **date_parts("decided_on", TODAY),
        },
        follow=True,
    )
    assert response.redirect_chain == [(REFERRALS, 302)]
    assert f"Referral for {referral.person.full_name} declined" in response.content.decode()
    assert list(response.context["queues"][0]["referrals"]) == []


def test_accepting_from_the_queue_goes_on_to_allocate_a_keyworker_then_back_to_the_queue(manager, someone):
    referral = refer(someone(), manager.user, received_on=days_ago(5))
    response = manager.http.post(
        reverse("keyworking:decide_referral", args=[referral.pk]),
        {"version": 1, "decision": "accepted", "next": REFERRALS, **date_parts("decided_on", TODAY)},
        follow=True,
    )
    allocate = reverse("keyworking:allocate", args=[referral.person_id])
    assert response.redirect_chain == [(f"{allocate}?next=%2Fkeywork%2Freferrals%2F", 302)]
    assert f"Referral for {referral.person.full_name} accepted. Now allocate their keyworker." in (
        response.content.decode()
    )
    assert response.context["next"] == REFERRALS


def test_a_decision_never_returns_to_another_site(manager, someone):
    referral = refer(someone(), manager.user, received_on=days_ago(5))
    response = manager.http.post(
        reverse("keyworking:decide_referral", args=[referral.pk]),
        {
            "version": 1,
            "decision": "declined",
            "decision_reason": "x",
            "next": "//evil.example/",
            **date_parts("decided_on", TODAY),
        },
    )
    assert response["Location"] == reverse("register:person_keywork", args=[referral.person.pk]) + "#keywork"


def test_the_decision_page_says_how_long_the_referral_has_waited_against_the_target(manager, someone):
    referral = refer(someone(), manager.user, received_on=days_ago(12))
    page = manager.http.get(reverse("keyworking:decide_referral", args=[referral.pk])).content.decode()
    assert "12 days" in page and ">Overdue<" in page and "aims to decide within 10 days" in page


def test_accepting_for_someone_who_already_has_a_keyworker_returns_to_the_queue(service, manager, someone, allocate):
    referral = refer(someone(), manager.user, received_on=days_ago(5))
    allocate(referral.person, keyworker_of(service))
    response = manager.http.post(
        reverse("keyworking:decide_referral", args=[referral.pk]),
        {"version": 1, "decision": "accepted", "next": REFERRALS, **date_parts("decided_on", TODAY)},
    )
    assert response["Location"] == REFERRALS
