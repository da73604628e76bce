"""A community C(E)TR or LAEP meeting in the 12 months up to an admission, and recording an LAEP meeting."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.register.record_pages import person_url
from keywork.reviews.models import Review
from keywork.reviews.person_page import timeline_events
from keywork.reviews.rules import had_community_review_before
from keywork.testing.dates import TODAY
from keywork.testing.factories import admit
from keywork.testing.pages import date_parts

ADMITTED = datetime.date(2026, 5, 10)


@pytest.fixture
def coordinator_client(as_role):
    return as_role(Role.COORDINATOR)


@pytest.fixture
def person(service, coordinator_client, add_person):
    return add_person(
        service,
        coordinator_client.user,
        rating="red",
        referral_date=datetime.date(2024, 1, 10),
        date_of_birth=datetime.date(2010, 3, 3),
    )


def held(person, kind, on):
    return Review.objects.create(
        person=person, kind=kind, requested_on=on, held_on=on, recorded_by=person.consents.first().recorded_by
    )


def admission_of(person, coordinator_client):
    from keywork import audit

    return admit(
        audit.Actor(coordinator_client.user, person.service), person, ADMITTED, ADMITTED + datetime.timedelta(days=30)
    )


@pytest.mark.parametrize(
    ("kind", "on", "counts"),
    [
        ("community", datetime.date(2025, 5, 10), True),  # the same date a year before: inside
        ("community", datetime.date(2025, 5, 9), False),  # a day more than 12 months before
        ("laep", ADMITTED, True),  # held the day of admission
        ("laep", ADMITTED + datetime.timedelta(days=1), False),  # after it
        ("blue_light", ADMITTED - datetime.timedelta(days=2), True),  # a community C(E)TR held urgently
        ("post_admission", ADMITTED - datetime.timedelta(days=2), False),  # not a review before admission
        ("inpatient", ADMITTED - datetime.timedelta(days=40), False),
    ],
)
def test_a_review_counts_before_an_admission_only_if_a_community_one_or_laep_held_in_the_12_months_up_to_it(
    person, coordinator_client, kind, on, counts
):
    held(person, kind, on)
    assert had_community_review_before(admission_of(person, coordinator_client)) is counts


def test_a_requested_community_review_not_yet_held_does_not_count(person, coordinator_client):
    Review.objects.create(
        person=person,
        kind="community",
        requested_on=ADMITTED - datetime.timedelta(days=5),
        recorded_by=coordinator_client.user,
    )
    assert not had_community_review_before(admission_of(person, coordinator_client))


def test_another_persons_community_review_does_not_count(
    person, coordinator_client, add_person, other_service, make_user
):
    elsewhere = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="red")
    held(elsewhere, "community", ADMITTED - datetime.timedelta(days=5))
    assert not had_community_review_before(admission_of(person, coordinator_client))


def laep_form(on=TODAY, **changes):
    return {
        **date_parts("held_on", on),
        "other_attendees": "Sam Social Worker (Kent)",
        "outcome_summary": "Admit",
        **changes,
    }


def test_recording_an_laep_meeting_saves_it_as_held_that_day_and_audits_it(coordinator_client, person):
    response = coordinator_client.http.post(reverse("reviews:add_laep", args=[person.pk]), laep_form())
    assert response.status_code == 302
    meeting = Review.objects.get()
    assert (meeting.kind, meeting.requested_on, meeting.held_on, meeting.name) == ("laep", TODAY, TODAY, "LAEP meeting")
    assert AuditEntry.objects.filter(object_id=str(meeting.pk), operation="create").exists()


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (TODAY + datetime.timedelta(days=1), "must be today or in the past"),
        (datetime.date(2010, 3, 2), "on or after their date of birth"),
    ],
)
def test_an_laep_meeting_in_the_future_or_before_birth_is_refused_and_nothing_saved(
    coordinator_client, person, on, message
):
    response = coordinator_client.http.post(reverse("reviews:add_laep", args=[person.pk]), laep_form(on))
    assert message in response.context["form"].errors["held_on"][0]
    assert not Review.objects.exists()


def test_an_laep_meeting_needs_who_attended_and_its_outcome(coordinator_client, person):
    response = coordinator_client.http.post(
        reverse("reviews:add_laep", args=[person.pk]), laep_form(other_attendees="", outcome_summary="")
    )
    errors = response.context["form"].errors
    assert set(errors) == {"other_attendees", "outcome_summary"} and not Review.objects.exists()


def test_an_laep_meeting_is_shown_and_updated_on_its_own_form(coordinator_client, person):
    coordinator_client.http.post(reverse("reviews:add_laep", args=[person.pk]), laep_form())
    meeting = Review.objects.get()
    page = coordinator_client.http.get(reverse("reviews:edit", args=[meeting.pk]))
    assert "Who attended" in page.content.decode() and "Kind of review" not in page.content.decode()


def test_the_cetr_form_does_not_offer_an_laep_meeting_as_a_kind(coordinator_client, person):
    page = coordinator_client.http.get(reverse("reviews:add", args=[person.pk])).content.decode()
    assert "Local Area Emergency Protocol" not in page


def test_a_role_that_may_not_record_reviews_may_not_record_an_laep_meeting(as_role, person):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reviews:add_laep", args=[person.pk]))
    assert response.status_code == 403


def test_another_services_person_is_not_found(coordinator_client, other_service, add_person, make_user):
    elsewhere = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="red")
    assert coordinator_client.http.get(reverse("reviews:add_laep", args=[elsewhere.pk])).status_code == 404


def test_the_api_records_an_laep_meeting_and_refuses_one_in_the_future(api, person):
    body = {"person_id": person.pk, "held_on": TODAY.isoformat(), "who_attended": "Sam (Kent)", "outcome": "Admit"}
    created = api.post("/api/laep-meetings", body)
    assert created.status_code == 201 and created.json()["kind"] == "laep"
    future = api.post("/api/laep-meetings", body | {"held_on": (TODAY + datetime.timedelta(days=1)).isoformat()})
    assert future.status_code == 422 and "held_on" in future.json()["errors"]
    assert Review.objects.count() == 1


def test_an_laep_meeting_is_on_the_persons_record_and_timeline_as_held(coordinator_client, person):
    coordinator_client.http.post(reverse("reviews:add_laep", args=[person.pk]), laep_form())
    reviews = coordinator_client.http.get(person_url(person, "reviews")).content.decode()
    assert "Local Area Emergency Protocol (LAEP) meeting, held" in reviews and "Sam Social Worker" in reviews
    assert [event.title for event in timeline_events(None, person)] == ["LAEP meeting held"]
