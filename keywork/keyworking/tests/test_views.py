import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.keyworking.models import Allocation, Contact, FollowUp, Referral, SupportPlan
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import escalate
from keywork.testing.pages import date_parts, logged_in


@pytest.fixture
def keyworker(service, make_user, person, allocate):
    user = logged_in(make_user(service, Role.KEYWORKER))
    allocate(person, user.user)
    return user


def test_a_referral_is_accepted_and_a_keyworker_allocated_through_the_pages(person, manager, service, make_user):
    referral_data = {
        "route": "dsr",
        "referrer_name": "Cory",
        "referrer_organisation": "DSR",
        "reason": "Red",
        **date_parts("received_on", days_ago(3)),
    }
    manager.http.post(reverse("keyworking:add_referral", args=[person.pk]), referral_data)
    referral = Referral.objects.get()
    manager.http.post(
        reverse("keyworking:decide_referral", args=[referral.pk]),
        {"version": 1, "decision": "accepted", **date_parts("decided_on", days_ago(1))},
    )
    assert manager.http.get(reverse("keyworking:board")).context["waiting"][0] == referral
    worker = make_user(service, Role.KEYWORKER)
    manager.http.post(
        reverse("keyworking:allocate", args=[person.pk]),
        {"worker": worker.pk, "reason": "Has capacity", **date_parts("starts_on", TODAY)},
    )
    assert Allocation.objects.current().get().worker == worker
    assert list(manager.http.get(reverse("keyworking:board")).context["waiting"]) == []
    referral.refresh_from_db()
    assert (referral.days_to_decision, referral.days_to_allocation()) == (2, 3)


def test_a_signposted_referral_without_a_reason_is_refused_on_the_page(person, manager, accepted_referral):
    accepted_referral.decision = "pending"
    accepted_referral.save()
    response = manager.http.post(
        reverse("keyworking:decide_referral", args=[accepted_referral.pk]),
        {"version": 1, "decision": "signposted", **date_parts("decided_on", TODAY)},
    )
    assert "Give the reason" in response.context["form"].errors["decision_reason"][0]
    accepted_referral.refresh_from_db()
    assert accepted_referral.decision == "pending"


def test_allocating_a_second_designated_keyworker_on_the_same_day_is_refused(
    person, manager, service, make_user, allocate
):
    allocate(person, make_user(service, Role.KEYWORKER), starts_on=TODAY)
    response = manager.http.post(
        reverse("keyworking:allocate", args=[person.pk]),
        {"worker": make_user(service, Role.KEYWORKER).pk, "reason": "x", **date_parts("starts_on", TODAY)},
    )
    assert "end or reallocate that first" in response.context["form"].errors["starts_on"][0]
    assert Allocation.objects.count() == 1


def test_the_board_warns_when_a_worker_is_over_the_caseload_limit(service, manager, make_user, add_person, allocate):
    service.caseload_limit = 1
    service.save()
    worker = make_user(service, Role.KEYWORKER)
    for _ in range(2):
        allocate(add_person(service, manager.user, rating="amber"), worker)
    response = manager.http.get(reverse("keyworking:board"))
    row = next(row for row in response.context["caseloads"] if row["worker"] == worker)
    assert row["total"] == 2 and row["over_limit"] and row["by_rating"][1] == 2
    assert "Over the caseload limit" in response.content.decode()
    assert f"{worker.display_name} holds 2 people, 4 weighted; the limits are 40 weighted and 1 person." in (
        response.content.decode()
    )


def test_a_contact_in_the_future_is_refused_on_the_page_and_nothing_is_saved(keyworker, person):
    tomorrow = TODAY + datetime.timedelta(days=1)
    data = {
        "contact_type": "call",
        "duration_minutes": 5,
        "notes": "n",
        "contact_time": "09:00",
        **date_parts("contact_date", tomorrow),
    }
    response = keyworker.http.post(reverse("keyworking:add_contact", args=[person.pk]), data)
    assert "now or in the past" in response.context["form"].errors["contact_date"][0]
    assert not Contact.objects.exists()


def restricted_contact(person, by) -> Contact:
    return Contact.objects.create(
        person=person,
        occurred_at=timezone.now(),
        contact_type="call",
        duration_minutes=5,
        notes="Disclosure about home life",
        restricted=True,
        recorded_by=by,
    )


def test_restricted_notes_are_hidden_from_a_peer_associate_but_not_the_persons_keyworker(
    keyworker, person, service, make_user, allocate
):
    restricted_contact(person, keyworker.user)
    peer = make_user(service, Role.KEYWORKER)
    peer.worker_type = "peer_associate"
    peer.save()
    allocate(person, peer)
    keywork = reverse("register:person_keywork", args=[person.pk])
    assert "Disclosure about home life" in keyworker.http.get(keywork).content.decode()
    page = logged_in(peer).http.get(keywork).content.decode()
    assert "Disclosure about home life" not in page and "Restricted notes" in page


def test_restricted_notes_are_hidden_from_the_dsr_coordinator(person, as_role, keyworker):
    restricted_contact(person, keyworker.user)
    assert (
        "Disclosure about home life"
        not in as_role(Role.COORDINATOR).http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    )


@pytest.fixture
def peer(service, make_user, allocate, person):
    """A peer associate working with the person, who may not read restricted notes."""
    peer = make_user(service, Role.KEYWORKER)
    peer.worker_type = "peer_associate"
    peer.save()
    allocate(person, peer)
    return peer


@pytest.fixture
def hidden_follow_up(keyworker, person):
    """A follow-up agreed at a restricted contact."""
    return FollowUp.objects.create(
        contact=restricted_contact(person, keyworker.user), person=person, description="Ring the social worker",
        owner=keyworker.user, due_on=timezone.localdate(),
    )  # fmt: skip


@pytest.mark.usefixtures("hidden_follow_up")
def test_follow_ups_of_a_restricted_contact_are_hidden_as_its_notes_are_on_the_section_and_timeline(
    keyworker, person, peer, as_role
):
    pages = [reverse("register:person_keywork", args=[person.pk]), reverse("register:person_records", args=[person.pk])]
    for reader in (logged_in(peer), as_role(Role.COORDINATOR)):
        for page in pages:
            assert "Ring the social worker" not in reader.http.get(page).content.decode()
    for page in pages:
        assert "Ring the social worker" in keyworker.http.get(page).content.decode()


def test_a_hidden_follow_up_cannot_be_marked_done_by_its_address(keyworker, peer, hidden_follow_up):
    url = reverse("keyworking:complete_follow_up", args=[hidden_follow_up.pk])
    assert logged_in(peer).http.get(url).status_code == 404
    assert keyworker.http.get(url).status_code == 200


def test_a_plan_saved_twice_keeps_both_versions_and_a_stale_save_is_refused(keyworker, person):
    text = {
        "what_helps": "Quiet room",
        "triggers": "Noise",
        "early_warning_signs": "Pacing",
        "who_to_call": "Mum",
        "agreed_responses": "Step back",
    }
    url = reverse("keyworking:edit_plan", args=[person.pk])
    keyworker.http.post(url, {**text, "based_on_version": 0})
    keyworker.http.post(url, {**text, "what_helps": "Music", "based_on_version": 1})
    stale = keyworker.http.post(url, {**text, "what_helps": "Lost?", "based_on_version": 1})
    assert "Someone else changed this record" in stale.content.decode()
    assert list(SupportPlan.objects.values_list("version", "what_helps")) == [(2, "Music"), (1, "Quiet room")]


@pytest.fixture
def escalation(keyworker, person):
    return escalate(person, keyworker.user)


def test_an_escalation_response_dated_before_it_was_raised_is_refused(keyworker, escalation):
    response = keyworker.http.post(
        reverse("keyworking:respond", args=[escalation.pk]),
        {"version": escalation.version, "response": "Booked", **date_parts("responded_on", days_ago(4))},
    )
    assert "responded_on" in response.context["form"].errors
    escalation.refresh_from_db()
    assert escalation.responded_on is None


def test_the_banner_after_a_response_names_who_responded(keyworker, escalation):
    response = keyworker.http.post(
        reverse("keyworking:respond", args=[escalation.pk]),
        {"version": escalation.version, "response": "Booked", **date_parts("responded_on", TODAY)},
        follow=True,
    )
    assert "Response from Trust recorded" in response.content.decode()


def test_the_banner_after_ending_an_allocation_names_the_worker(manager, person, keyworker):
    allocation = Allocation.objects.current().get(person=person)
    response = manager.http.post(
        reverse("keyworking:end_allocation", args=[allocation.pk]),
        {"end_reason": "Moved team", **date_parts("ends_on", TODAY)},
        follow=True,
    )
    banner = f"{keyworker.user.display_name}'s allocation as {allocation.get_worker_type_display()} ended"
    assert banner in html.unescape(response.content.decode())


def test_a_professionals_page_lists_only_the_people_the_viewer_may_see(keyworker, person, service, add_person, manager):
    from keywork.keyworking.models import Involvement, Professional

    professional = Professional.objects.create(
        service=service, name="Dr Ash", role="GP", organisation="Surgery", agency_type="primary_care"
    )
    other = add_person(service, manager.user)
    for someone in (person, other):
        Involvement.objects.create(person=someone, professional=professional, role_for_person="GP")
    response = keyworker.http.get(reverse("keyworking:professional", args=[professional.pk]))
    assert [i.person for i in response.context["involvements"]] == [person]


def test_a_worker_whose_registration_has_lapsed_is_flagged_on_the_board(service, manager, make_user, person, allocate):
    from keywork.assurance.models import Assurance

    worker = make_user(service, Role.KEYWORKER)
    allocate(person, worker)
    Assurance.objects.create(
        worker=worker, kind="hcpc", reference="PYL1", completed_on=days_ago(800), expires_on=days_ago(1)
    )
    rows = manager.http.get(reverse("keyworking:board")).context["caseloads"]
    assert [item.kind for item in next(row for row in rows if row["worker"] == worker)["lapsed"]] == ["hcpc"]
    assert "HCPC registration lapsed" in manager.http.get(reverse("keyworking:board")).content.decode()
