"""The C(E)TR routes of the JSON API: reviews checked against their dates, a C(E)TR for a person
with an EHCP, and recommendations tracked as actions with an owner, a due date and evidence."""

import datetime

import pytest

from keywork.audit.models import AuditEntry
from keywork.keyworking.models import Professional
from keywork.reviews.models import Action, Review
from keywork.testing.api import created, errors
from keywork.testing.dates import days_ago

D = datetime.date


def review_body(person, **changes) -> dict:
    """A valid POST /api/reviews body: requested 30 days ago, held 20 days ago."""
    return {
        "person_id": person.pk,
        "kind": "community",
        "requested_on": days_ago(30),
        "held_on": days_ago(20),
        "chair": "Panel chair",
        **changes,
    }


def action_body(**changes) -> dict:
    return {
        "recommendation": "Sensory assessment",
        "owner_organisation": "Occupational therapy",
        "due_on": days_ago(-14),
        **changes,
    }


def row_counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Review, Action)}


def add_person_with(add_person, service, by, n: int = 0, **details):
    return add_person(
        service,
        by,
        rating="amber",
        given_name="Confidential",
        referral_date=D(2024, 1, 10),
        date_of_birth=D(2010, 3, 3) + datetime.timedelta(days=n),
        **details,
    )


def add_action(review: Review, **changes) -> Action:
    values = {
        "recommendation": "Sensory assessment",
        "owner_organisation": "Occupational therapy",
        "due_on": days_ago(-14),
        **changes,
    }
    return Action.objects.create(source=review, person=review.person, **values)


# Reviews ------------------------------------------------------------------------------------------


def test_a_review_is_recorded_and_audited(api, person, coordinator_user):
    body = created(api.post("/api/reviews", review_body(person)))

    review = Review.objects.get(pk=body["id"])
    assert (review.person, review.recorded_by, review.held_on) == (person, coordinator_user, days_ago(20))
    assert AuditEntry.objects.for_object(review).filter(operation="create", actor=coordinator_user).exists()


def test_a_review_held_before_it_was_requested_is_refused(api, person):
    response = api.post("/api/reviews", review_body(person, requested_on=days_ago(10), held_on=days_ago(11)))

    assert "cannot be held before it was requested" in errors(response)["held_on"][0]
    assert not Review.objects.exists()


def test_a_review_requested_in_the_future_is_refused(api, person):
    response = api.post("/api/reviews", review_body(person, requested_on=days_ago(-1), held_on=None))

    assert "today or in the past" in errors(response)["requested_on"][0]
    assert not Review.objects.exists()


def test_a_review_for_a_person_with_an_ehcp_is_a_cetr_including_education(api, person):
    body = created(api.post("/api/reviews", review_body(person)))

    assert body["includes_education"] is True


@pytest.mark.parametrize("ehcp", ["no", "in_assessment"])
def test_a_review_for_a_person_without_an_ehcp_does_not_include_education(
    api, service, coordinator_user, add_person, ehcp
):
    without = add_person_with(add_person, service, coordinator_user, ehcp=ehcp)

    body = created(api.post("/api/reviews", review_body(without)))

    assert body["includes_education"] is False


def test_education_follows_the_persons_ehcp_not_the_request(api, service, coordinator_user, add_person):
    without = add_person_with(add_person, service, coordinator_user, ehcp="no")

    body = created(api.post("/api/reviews", review_body(without, includes_education=True)))

    assert body["includes_education"] is False


def test_the_reviews_of_a_person_are_listed(api, person, review):
    response = api.get("/api/reviews", person_id=person.pk)

    assert [item["id"] for item in response.json()] == [review.pk]
    assert response.json()[0]["has_report"] is False


# Actions ------------------------------------------------------------------------------------------


def test_an_action_is_added_to_a_review_which_is_its_source(api, person, review):
    body = created(api.post(f"/api/reviews/{review.pk}/actions", action_body()))

    action = Action.objects.get(pk=body["id"])
    assert (action.source, action.person, action.status) == (review, person, "open")
    label = f"C(E)TR on {days_ago(20).day} {days_ago(20):%B %Y}"
    assert body["source"] == {"kind": "reviews.review", "id": review.pk, "label": label}
    assert (body["owner_kind"], body["owner"]) == ("organisation", "Occupational therapy")


def test_an_action_due_before_the_review_was_held_is_refused(api, review):
    # After the request but before the day the review was held: the held date is the one that counts.
    response = api.post(f"/api/reviews/{review.pk}/actions", action_body(due_on=days_ago(21)))

    held = days_ago(20)
    assert errors(response)["due_on"] == [f"An action cannot be due before the C(E)TR on {held.day} {held:%B %Y}"]
    assert not Action.objects.exists()


def test_an_action_due_on_the_day_of_the_review_is_accepted(api, review):
    created(api.post(f"/api/reviews/{review.pk}/actions", action_body(due_on=days_ago(20))))


def test_an_action_without_an_owner_is_refused(api, review):
    response = api.post(f"/api/reviews/{review.pk}/actions", action_body(owner_organisation="  "))

    assert "Choose who owns the action" in errors(response)["owner_staff"][0]
    assert not Action.objects.exists()


def test_an_action_may_be_owned_by_a_professional_of_the_service(api, service, review):
    professional = Professional.objects.create(
        service=service, name="Dr Ash", role="Psychiatrist", organisation="CAMHS", agency_type="mental_health"
    )

    body = created(
        api.post(
            f"/api/reviews/{review.pk}/actions",
            action_body(owner_organisation="", owner_professional_id=professional.pk),
        )
    )

    assert (body["owner_kind"], body["owner_professional_id"]) == ("professional", professional.pk)
    assert Action.objects.get().owner_professional == professional


def test_an_action_owned_by_a_professional_of_another_service_is_refused(api, other_service, review):
    outsider = Professional.objects.create(
        service=other_service, name="Dr Elm", role="Psychiatrist", organisation="CAMHS", agency_type="mental_health"
    )

    response = api.post(
        f"/api/reviews/{review.pk}/actions", action_body(owner_organisation="", owner_professional_id=outsider.pk)
    )

    assert response.status_code == 404
    assert not Action.objects.exists()


def test_an_action_marked_done_without_evidence_is_refused(api, review):
    action = add_action(review)

    response = api.patch(f"/api/actions/{action.pk}", {"version": action.version, "status": "done", "evidence": " "})

    assert "evidence" in errors(response)["evidence"][0]
    action.refresh_from_db()
    assert action.status == "open"


def test_an_action_marked_done_with_evidence_is_saved(api, review):
    action = add_action(review)

    response = api.patch(
        f"/api/actions/{action.pk}",
        {"version": action.version, "status": "done", "evidence": "Report received", "completed_on": days_ago(1)},
    )

    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert (action.status, action.evidence, action.completed_on) == ("done", "Report received", days_ago(1))


def test_an_action_dropped_without_a_reason_is_refused(api, review):
    action = add_action(review)

    response = api.patch(f"/api/actions/{action.pk}", {"version": action.version, "status": "dropped"})

    assert "reason" in errors(response)["dropped_reason"][0]
    action.refresh_from_db()
    assert action.status == "open"


def test_an_action_with_an_unknown_status_is_refused_by_name(api, review):
    action = add_action(review)

    response = api.patch(f"/api/actions/{action.pk}", {"version": action.version, "status": "parked"})

    assert "status" in errors(response)


def test_the_overdue_list_holds_only_open_actions_past_their_due_date(api, review):
    overdue = add_action(review, recommendation="Overdue", due_on=days_ago(5))
    add_action(review, recommendation="Due today", due_on=days_ago(0))
    add_action(review, recommendation="Due later", due_on=days_ago(-5))
    add_action(review, recommendation="Done late", due_on=days_ago(5), status="done", evidence="Seen")
    add_action(review, recommendation="Dropped", due_on=days_ago(5), status="dropped", dropped_reason="Moved")

    response = api.get("/api/actions", overdue="true")

    assert response.status_code == 200, response.content
    assert [(item["id"], item["is_overdue"]) for item in response.json()] == [(overdue.pk, True)]


def test_the_open_list_holds_every_open_action_whatever_its_due_date(api, review):
    add_action(review, recommendation="Overdue", due_on=days_ago(5))
    add_action(review, recommendation="Due later", due_on=days_ago(-5))
    add_action(review, recommendation="Done", due_on=days_ago(5), status="done", evidence="Seen")

    response = api.get("/api/actions", open="true")

    assert [item["recommendation"] for item in response.json()] == ["Overdue", "Due later"]
