"""DSR meetings over the JSON API: the same permissions, rules and audit as the pages. A decision is
refused by field with nothing saved, saving it again adds no second rating history entry, only the
chair closes the meeting, a commissioner sees the list but no agenda, and another service's meetings
are not found."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.meetings.models import Decision, Meeting
from keywork.register.models import RatingChange
from keywork.reviews.models import Action
from keywork.testing.api import Api, Route, World, errors, ok, route_params
from keywork.testing.dates import TODAY


def decision_body(**changes) -> dict:
    return {
        "rating": "amber",
        "rating_reason": "Settled at home",
        "risk_factors": ["placement_breakdown"],
        "decision": "Step down to amber",
        **changes,
    }


@pytest.fixture
def chair_api(chair):
    return Api(chair.user)


def decision_url(meeting, person) -> str:
    return f"/api/meetings/{meeting.pk}/people/{person.pk}/decision"


def test_the_meetings_are_listed_and_one_shows_its_attendees_agenda_and_decisions(chair_api, meeting, person):
    assert [row["id"] for row in ok(chair_api.get("/api/meetings"))] == [meeting.pk]
    ok(chair_api.put(decision_url(meeting, person), decision_body()))
    shown = ok(chair_api.get(f"/api/meetings/{meeting.pk}"))
    assert {attendee["name"] for attendee in shown["attendees"]} >= {"Sam Patel"}
    (item,) = shown["agenda"]
    assert item["person_id"] == person.pk and "blue_or_red" in item["reasons"] and item["rating_listed"] == "red"
    assert "Rated red" in item["reasons_in_words"]
    (decision,) = shown["decisions"]
    assert decision["decision"] == "Step down to amber" and decision["rating"]["rating"] == "amber"
    assert AuditEntry.objects.about_person(person.pk).filter(operation=Operation.LIST).exists()


def test_a_decision_changes_the_rating_with_the_meeting_as_source_and_raises_its_action(
    chair, chair_api, meeting, person
):
    body = decision_body(
        action={"recommendation": "Book an OT assessment", "due_on": str(TODAY), "owner_staff_id": chair.user.pk}
    )
    saved = ok(chair_api.put(decision_url(meeting, person), body))
    change = RatingChange.objects.get(pk=saved["rating"]["id"])
    assert (change.rating, change.source_label, change.risk_factors) == ("amber", str(meeting), ["placement_breakdown"])
    (action,) = Action.objects.all()
    assert action.source == Decision.objects.get() and saved["actions"][0]["recommendation"] == "Book an OT assessment"
    assert AuditEntry.objects.filter(operation=Operation.CREATE, person_id=person.pk).exists()


def test_saving_the_same_decision_again_adds_no_rating_history_entry(chair_api, meeting, person):
    first = ok(chair_api.put(decision_url(meeting, person), decision_body()))
    count = RatingChange.objects.filter(person=person).count()
    again = ok(chair_api.put(decision_url(meeting, person), decision_body(decision="Step down; OT first")))
    assert again["rating"]["id"] == first["rating"]["id"] and again["decision"] == "Step down; OT first"
    assert RatingChange.objects.filter(person=person).count() == count


def test_a_rating_changed_when_saving_again_is_a_new_entry(chair_api, meeting, person):
    first = ok(chair_api.put(decision_url(meeting, person), decision_body()))
    again = ok(chair_api.put(decision_url(meeting, person), decision_body(rating="green", rating_reason="Stable")))
    assert again["rating"]["id"] != first["rating"]["id"] and again["rating"]["rating"] == "green"


def test_a_decision_with_bad_values_is_refused_by_field_and_nothing_saved(chair_api, meeting, person):
    before = RatingChange.objects.count()
    found = errors(
        chair_api.put(
            decision_url(meeting, person),
            decision_body(rating_reason="", decision="", action={"recommendation": "Call", "due_on": str(TODAY)}),
        )
    )
    assert found["rating_reason"] == ["Enter the rating reason"]
    assert found["decision"] == ["Enter the decision"]
    assert found["action.owner_staff"][0].startswith("Choose who owns the action")
    assert "rating" in errors(chair_api.put(decision_url(meeting, person), decision_body(rating="purple")))
    assert not Decision.objects.exists() and RatingChange.objects.count() == before and not Action.objects.exists()


def test_only_the_chair_closes_the_meeting_and_a_closed_meeting_refuses_decisions(
    service, make_user, chair_api, meeting, person
):
    other = Api(make_user(service, Role.COORDINATOR))
    refused = other.post(f"/api/meetings/{meeting.pk}/close", {})
    assert refused.status_code == 403 and "Only the chair" in refused.json()["detail"]
    assert ok(chair_api.post(f"/api/meetings/{meeting.pk}/close", {}))["status"] == "closed"
    assert "__all__" in errors(chair_api.put(decision_url(meeting, person), decision_body()))
    assert not Decision.objects.exists()


def test_someone_not_on_the_agenda_is_not_found(service, chair, chair_api, meeting, add_person):
    other = add_person(service, chair.user, rating="green")
    Meeting.objects.get().agenda.filter(person=other).delete()
    assert chair_api.put(decision_url(meeting, other), decision_body()).status_code == 404


def test_a_commissioner_lists_meetings_but_sees_no_agenda_nor_records_a_decision(service, make_user, meeting, person):
    commissioner = Api(make_user(service, Role.COMMISSIONER))
    assert ok(commissioner.get("/api/meetings"))[0]["id"] == meeting.pk
    assert commissioner.get(f"/api/meetings/{meeting.pk}").status_code == 403
    assert commissioner.put(decision_url(meeting, person), decision_body()).status_code == 403


ROUTES = [
    Route("list meetings", "get", "/api/meetings"),
    Route("one meeting", "get", "/api/meetings/{meeting}"),
    Route(
        "record a decision", "put", "/api/meetings/{meeting}/people/{person}/decision", body=lambda w: decision_body()
    ),
    Route("close a meeting", "post", "/api/meetings/{meeting}/close", body=lambda w: {}),
]


@route_params(ROUTES[1:])
def test_another_services_meetings_are_not_found(other_service, make_user, meeting, person, route):
    world = World(meeting=meeting, person=person)
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert Meeting.objects.get().is_open and not Decision.objects.exists()


def test_another_services_meetings_are_not_listed(other_service, make_user, meeting):
    assert ok(Api(make_user(other_service, Role.ADMIN)).get("/api/meetings")) == []
