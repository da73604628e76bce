"""The rating routes of the JSON API: a person's RAG history, and how a new rating, possibly
back-dated, changes (or does not change) their current rating and next review."""

import datetime

import pytest
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.register.models import Person, RatingChange
from keywork.testing.dates import days_ago


@pytest.fixture
def person(service, coordinator_user, add_person):
    """Referred and rated green 60 days ago."""
    person = add_person(
        service, coordinator_user, rating="green", referral_date=days_ago(60), date_of_birth=days_ago(5000)
    )
    assert (person.rating, person.rating_effective_on) == ("green", days_ago(60))
    return person


def rating_body(rating="red", effective_on=None, **changes) -> dict:
    effective_on = effective_on or timezone.localdate()
    return {
        "rating": rating,
        "effective_on": effective_on.isoformat(),
        "reason": "Placement at risk of breakdown",
        "risk_factors": ["placement_breakdown", "recent_crises"],
        **changes,
    }


def rate(api, person, **body):
    response = api.post(f"/api/people/{person.pk}/ratings", rating_body(**body))
    assert response.status_code == 201, response.content
    return response


def current(person) -> tuple:
    person.refresh_from_db()
    return person.rating, person.rating_effective_on, person.next_review_due


def test_a_new_rating_is_recorded_and_returned(api, coordinator_user, person):
    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("red"))

    assert response.status_code == 201, response.content
    change = RatingChange.objects.get(pk=response.json()["id"])
    assert (change.person, change.rating, change.decided_by) == (person, "red", coordinator_user)
    assert change.risk_factors == ["placement_breakdown", "recent_crises"]
    body = response.json()
    assert (body["rating"], body["effective_on"], body["decided_by"]) == (
        "red",
        timezone.localdate().isoformat(),
        coordinator_user.username,
    )


def test_a_new_rating_becomes_the_current_rating_and_sets_the_next_review(api, service, person):
    rate(api, person, rating="red")

    today = timezone.localdate()
    assert current(person) == ("red", today, today + datetime.timedelta(days=service.review_days_red))


def test_a_new_rating_is_audited_as_the_caller(api, service, coordinator_user, person):
    response = rate(api, person, rating="red")

    entry = AuditEntry.objects.filter(content_type__model="ratingchange", object_id=str(response.json()["id"])).get()
    assert (entry.actor, entry.operation, entry.person_id, entry.service) == (
        coordinator_user,
        "create",
        person.pk,
        service,
    )


def test_a_back_dated_rating_older_than_the_current_one_goes_into_the_history_only(api, service, person):
    rate(api, person, rating="red", effective_on=days_ago(5))
    before = current(person)

    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("amber", days_ago(30)))

    assert response.status_code == 201
    assert RatingChange.objects.filter(person=person, rating="amber", effective_on=days_ago(30)).exists()
    assert current(person) == before == ("red", days_ago(5), days_ago(5) + datetime.timedelta(days=7))


def test_a_back_dated_rating_newer_than_the_current_one_becomes_current(api, service, person):
    rate(api, person, rating="amber", effective_on=days_ago(30))

    assert current(person) == ("amber", days_ago(30), days_ago(30) + datetime.timedelta(days=service.review_days_amber))


def test_the_history_lists_the_newest_effective_date_first_whatever_the_order_recorded(api, person):
    rate(api, person, rating="red", effective_on=days_ago(5))
    rate(api, person, rating="amber", effective_on=days_ago(30))
    rate(api, person, rating="green", effective_on=days_ago(15))

    response = api.get(f"/api/people/{person.pk}/ratings")

    assert response.status_code == 200
    history = [(item["rating"], item["effective_on"]) for item in response.json()]
    assert history == [
        ("red", days_ago(5).isoformat()),
        ("green", days_ago(15).isoformat()),
        ("amber", days_ago(30).isoformat()),
        ("green", days_ago(60).isoformat()),
    ]


def test_reading_the_history_is_audited_as_a_view(api, coordinator_user, person):
    api.get(f"/api/people/{person.pk}/ratings")

    viewed = AuditEntry.objects.filter(operation="view", person_id=person.pk).get()
    assert viewed.actor == coordinator_user


def _unchanged(person, before) -> bool:
    """The person keeps their current rating and their one rating; no rating was audited as created."""
    return (
        current(person) == before
        and RatingChange.objects.filter(person=person).count() == 1
        and AuditEntry.objects.filter(content_type__model="ratingchange", person_id=person.pk).count() == 1
    )


def test_a_rating_effective_in_the_future_is_refused_and_nothing_changes(api, person):
    before = current(person)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = api.post(f"/api/people/{person.pk}/ratings", rating_body("red", tomorrow))

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["effective_on"]
    assert _unchanged(person, before)


def test_a_rating_effective_before_the_person_was_born_is_refused(api, person):
    before = current(person)

    response = api.post(
        f"/api/people/{person.pk}/ratings", rating_body("red", person.date_of_birth - datetime.timedelta(days=1))
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["effective_on"]
    assert _unchanged(person, before)


def test_an_unknown_risk_factor_is_refused_naming_the_field(api, person):
    before = current(person)

    response = api.post(
        f"/api/people/{person.pk}/ratings", rating_body("red", risk_factors=["admission", "bad_moon_rising"])
    )

    assert response.status_code == 422
    fields = list(response.json()["errors"])
    assert fields and all(field.startswith("risk_factors") for field in fields)
    assert _unchanged(person, before)


@pytest.mark.parametrize(
    ("change", "field"),
    [({"rating": "purple"}, "rating"), ({"reason": ""}, "reason"), ({"effective_on": "not-a-date"}, "effective_on")],
    ids=["unknown-rating", "empty-reason", "malformed-date"],
)
def test_a_rating_with_a_bad_field_is_refused_naming_it(api, person, change, field):
    before = current(person)
    body = rating_body()
    body.update(change)

    response = api.post(f"/api/people/{person.pk}/ratings", body)

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == [field]
    assert _unchanged(person, before)


def test_a_rating_without_a_reason_is_refused(api, person):
    body = rating_body()
    del body["reason"]

    response = api.post(f"/api/people/{person.pk}/ratings", body)

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["reason"]


def test_a_person_of_another_service_cannot_be_rated(api, other_service, make_user, add_person):
    theirs = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="green")
    before = current(theirs)

    response = api.post(f"/api/people/{theirs.pk}/ratings", rating_body("red"))

    assert response.status_code == 404
    assert current(theirs) == before
    assert RatingChange.objects.filter(person=theirs).count() == 1


def test_the_history_of_a_person_of_another_service_is_not_found(api, other_service, make_user, add_person):
    theirs = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="green")

    response = api.get(f"/api/people/{theirs.pk}/ratings")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}
    assert Person.objects.filter(pk=theirs.pk).exists()
