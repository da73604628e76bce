"""The contact and support plan routes of the JSON API: contacts with follow-ups, restricted notes
kept from those who may not read them, and plan versions that never overwrite each other."""

import datetime

import pytest
from django.utils import timezone

from keywork.accounts.models import Role, WorkerType
from keywork.keyworking.models import Contact, FollowUp, SupportPlan
from keywork.keyworking.person_page import RESTRICTED_NOTE
from keywork.testing.api import Api, created, errors, ok
from keywork.testing.dates import days_ago
from keywork.testing.factories import keyworker_of

from .test_api_support import contact_body, counts, follow_up_body, iso, plan_body

SECRET = "Disclosed a safeguarding concern about an uncle"


@pytest.fixture
def consultant(service, person, allocate):
    """The person's designated keyworker (a Practice Consultant), calling the API."""
    user = keyworker_of(service, WorkerType.PRACTICE_CONSULTANT)
    allocate(person, user)
    return user


@pytest.fixture
def api(consultant):
    return Api(consultant)


# Recording contacts -------------------------------------------------------------------------------


def test_recording_a_contact_with_a_follow_up_answers_201_and_saves_both(api, person, consultant):
    body = created(api.post("/api/contacts", contact_body(person, follow_ups=[follow_up_body()])))

    contact = Contact.objects.get(pk=body["id"])
    assert (contact.person, contact.recorded_by) == (person, consultant)
    (follow_up,) = contact.follow_ups.all()
    assert (follow_up.person, follow_up.owner_name, follow_up.description) == (
        person,
        "Pat, SENCo",
        "Call the school SENCo",
    )
    assert [item["description"] for item in body["follow_ups"]] == ["Call the school SENCo"]


def test_a_follow_up_may_be_owned_by_a_user_of_the_service(api, person, consultant):
    follow_up = follow_up_body(owner_id=consultant.pk, owner_name="")

    created(api.post("/api/contacts", contact_body(person, follow_ups=[follow_up])))

    assert FollowUp.objects.get().owner == consultant


def test_a_contact_dated_in_the_future_is_refused_naming_occurred_at_and_nothing_is_saved(api, person):
    later = timezone.now() + datetime.timedelta(hours=3)
    before = counts(Contact, FollowUp)

    response = api.post("/api/contacts", contact_body(person, occurred_at=iso(later), follow_ups=[follow_up_body()]))

    assert "occurred_at" in errors(response)
    assert counts(Contact, FollowUp) == before


def test_a_follow_up_with_no_owner_is_refused_naming_follow_ups_0_owner_and_nothing_is_saved(api, person):
    before = counts(Contact, FollowUp)

    response = api.post("/api/contacts", contact_body(person, follow_ups=[follow_up_body(owner_name="  ")]))

    assert "follow_ups.0.owner" in errors(response)
    assert counts(Contact, FollowUp) == before


def test_an_error_in_the_second_follow_up_names_that_follow_up(api, person):
    follow_ups = [follow_up_body(), follow_up_body(owner_name="")]

    response = api.post("/api/contacts", contact_body(person, follow_ups=follow_ups))

    assert "follow_ups.1.owner" in errors(response)
    assert counts(Contact, FollowUp) == {"Contact": 0, "FollowUp": 0}


def test_a_follow_up_owned_by_a_user_of_another_service_is_refused(api, person, other_service, make_user):
    outsider = make_user(other_service, Role.MANAGER)

    response = api.post("/api/contacts", contact_body(person, follow_ups=[follow_up_body(owner_id=outsider.pk)]))

    assert "follow_ups.0.owner_id" in errors(response)
    assert counts(Contact, FollowUp) == {"Contact": 0, "FollowUp": 0}


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60 + 1])
def test_a_duration_outside_one_minute_to_a_day_is_refused_naming_duration_minutes(api, person, minutes):
    response = api.post("/api/contacts", contact_body(person, duration_minutes=minutes))

    assert "duration_minutes" in errors(response)
    assert not Contact.objects.exists()


def test_a_contact_time_sent_without_a_timezone_is_not_a_server_error(person, consultant):
    tolerant = Api(consultant, tolerant=True)
    local = timezone.localtime() - datetime.timedelta(hours=2)
    naive = local.replace(tzinfo=None).isoformat()

    response = tolerant.post("/api/contacts", contact_body(person, occurred_at=naive, follow_ups=[follow_up_body()]))

    assert response.status_code in (201, 422), response.content


# Restricted notes ---------------------------------------------------------------------------------


@pytest.fixture
def restricted_contact(api, person):
    return created(api.post("/api/contacts", contact_body(person, notes=SECRET, restricted=True)))


def listed_notes(user, person) -> tuple[list[str], bytes]:
    response = Api(user).get("/api/contacts", person_id=person.pk)
    return [item["notes"] for item in ok(response)], response.content


def test_the_persons_practice_consultant_reads_restricted_notes(consultant, person, restricted_contact):
    assert listed_notes(consultant, person)[0] == [SECRET]


def test_a_manager_reads_restricted_notes(manager, person, restricted_contact):
    assert listed_notes(manager.user, person)[0] == [SECRET]


def test_a_peer_associate_allocated_to_the_person_gets_the_contact_with_its_notes_withheld(
    service, person, allocate, restricted_contact
):
    peer = keyworker_of(service, WorkerType.PEER_ASSOCIATE)
    allocate(person, peer)

    notes, content = listed_notes(peer, person)

    assert notes == [RESTRICTED_NOTE]
    assert SECRET.encode() not in content


def test_a_coordinator_gets_restricted_notes_withheld(service, make_user, person, restricted_contact):
    notes, content = listed_notes(make_user(service, Role.COORDINATOR), person)

    assert notes == [RESTRICTED_NOTE]
    assert SECRET.encode() not in content


def test_notes_that_are_not_restricted_are_shown_to_a_peer_associate(api, service, person, allocate):
    created(api.post("/api/contacts", contact_body(person, notes="Went bowling")))
    peer = keyworker_of(service, WorkerType.PEER_ASSOCIATE)
    allocate(person, peer)

    assert listed_notes(peer, person)[0] == ["Went bowling"]


@pytest.fixture
def restricted_follow_up(api, person):
    body = contact_body(person, notes=SECRET, restricted=True, follow_ups=[follow_up_body()])
    return created(api.post("/api/contacts", body))


def listed_follow_ups(user, person) -> tuple[list[list[str]], bytes]:
    response = Api(user).get("/api/contacts", person_id=person.pk)
    return [[f["description"] for f in item["follow_ups"]] for item in ok(response)], response.content


def test_the_follow_ups_of_a_restricted_contact_are_withheld_as_its_notes_are(
    service, make_user, person, allocate, consultant, restricted_follow_up
):
    peer = keyworker_of(service, WorkerType.PEER_ASSOCIATE)
    allocate(person, peer)
    for user in (peer, make_user(service, Role.COORDINATOR)):
        follow_ups, content = listed_follow_ups(user, person)
        assert follow_ups == [[]] and b"Call the school SENCo" not in content
    assert listed_follow_ups(consultant, person)[0] == [["Call the school SENCo"]]


def test_withholding_notes_in_a_list_does_not_change_the_stored_notes(service, person, allocate, restricted_contact):
    peer = keyworker_of(service, WorkerType.PEER_ASSOCIATE)
    allocate(person, peer)

    listed_notes(peer, person)

    assert Contact.objects.get(pk=restricted_contact["id"]).notes == SECRET


# Support plans ------------------------------------------------------------------------------------


def test_the_first_plan_based_on_version_0_is_version_1(api, person):
    body = created(api.post("/api/plans", plan_body(person, 0)))

    assert body["version"] == 1
    assert SupportPlan.objects.get().version == 1


def test_a_plan_based_on_the_current_version_is_saved_as_the_next_version(api, person):
    created(api.post("/api/plans", plan_body(person, 0)))

    body = created(api.post("/api/plans", plan_body(person, 1, triggers="Loud noises")))

    assert body["version"] == 2 and body["triggers"] == "Loud noises"
    assert sorted(SupportPlan.objects.values_list("version", flat=True)) == [1, 2]


@pytest.mark.parametrize("based_on_version", [0, 1])
def test_a_plan_based_on_a_stale_version_is_refused_as_a_conflict_and_no_version_is_added(
    api, person, based_on_version
):
    created(api.post("/api/plans", plan_body(person, 0)))
    created(api.post("/api/plans", plan_body(person, 1)))

    response = api.post("/api/plans", plan_body(person, based_on_version, what_helps="Overwritten?"))

    assert response.status_code == 409, response.content
    assert "version" in response.json()["errors"]
    assert sorted(SupportPlan.objects.values_list("version", flat=True)) == [1, 2]


def test_a_plan_based_on_a_version_that_does_not_exist_yet_is_refused_as_a_conflict(api, person):
    created(api.post("/api/plans", plan_body(person, 0)))

    response = api.post("/api/plans", plan_body(person, 5))

    assert response.status_code == 409, response.content
    assert SupportPlan.objects.count() == 1


def test_the_plan_list_holds_every_version_newest_first(api, person):
    for version in range(3):
        created(api.post("/api/plans", plan_body(person, version, what_helps=f"Version {version + 1}")))

    listed = ok(api.get("/api/plans", person_id=person.pk))

    assert [item["version"] for item in listed] == [3, 2, 1]
    assert [item["what_helps"] for item in listed] == ["Version 3", "Version 2", "Version 1"]


def test_a_plan_with_an_empty_section_is_refused_naming_it(api, person):
    response = api.post("/api/plans", plan_body(person, 0, triggers=""))

    assert "triggers" in errors(response)
    assert not SupportPlan.objects.exists()


def test_contacts_are_listed_newest_first(api, person):
    for hours, notes in ((30, "Older"), (2, "Newer")):
        when = timezone.now() - datetime.timedelta(hours=hours)
        created(api.post("/api/contacts", contact_body(person, occurred_at=iso(when), notes=notes)))

    assert [item["notes"] for item in ok(api.get("/api/contacts", person_id=person.pk))] == ["Newer", "Older"]


def test_a_follow_up_due_before_the_contact_is_refused_naming_its_due_date(api, person):
    follow_up = follow_up_body(due_on=iso(days_ago(3)))

    response = api.post("/api/contacts", contact_body(person, follow_ups=[follow_up]))

    assert "follow_ups.0.due_on" in errors(response)
    assert counts(Contact, FollowUp) == {"Contact": 0, "FollowUp": 0}
