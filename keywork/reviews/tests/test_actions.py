"""Actions as one kind of record any source can raise (a C(E)TR today): the source kept and named,
exactly one owner (a member of staff, a professional or an organisation), and each action on the
work list of the staff member who owns it."""

import datetime

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.keyworking.models import Professional
from keywork.register.models import Person
from keywork.reviews.models import Action, Review
from keywork.testing.api import Api, created, errors
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.pages import date_parts, logged_in
from keywork.worklists.reminders import reminder_lines
from keywork.worklists.work import work_for


def long_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


@pytest.fixture
def coordinator(service):
    return create_user(service, Role.COORDINATOR)


@pytest.fixture
def person(service, coordinator, add_person):
    return add_person(service, coordinator, rating="red", ehcp="yes")


@pytest.fixture
def review(person, coordinator) -> Review:
    """A C(E)TR (the person has an EHCP) requested 30 days ago and held 20 days ago."""
    return Review.objects.create(
        person=person,
        kind="community",
        includes_education=True,
        requested_on=days_ago(30),
        held_on=days_ago(20),
        recorded_by=coordinator,
    )


@pytest.fixture
def keyworker(service):
    return create_user(service, Role.KEYWORKER)


def post_action(coordinator, review, **owner):
    return logged_in(coordinator).http.post(
        reverse("reviews:add_action", args=[review.pk]),
        {"recommendation": "Sensory assessment", **owner, **date_parts("due_on", days_ago(-14))},
    )


def overdue(review, **values) -> Action:
    return Action.objects.create(
        source=review, person=review.person, recommendation="Sensory assessment", due_on=days_ago(2), **values
    )


# Source -------------------------------------------------------------------------------------------


def test_an_action_added_to_a_review_has_the_review_as_its_source_and_is_audited(coordinator, review, keyworker):
    response = post_action(coordinator, review, owner_staff=keyworker.pk)

    assert response.status_code == 302
    action = Action.objects.get()
    assert (action.source, action.person, action.owner_staff) == (review, review.person, keyworker)
    assert list(review.actions.all()) == [action]
    assert list(review.person.actions.all()) == [action]
    assert AuditEntry.objects.for_object(action).filter(operation="create", actor=coordinator).exists()


def test_an_action_is_named_by_the_review_it_came_from(review):
    action = overdue(review, owner_organisation="Occupational therapy")

    assert action.source_label == f"C(E)TR on {long_date(days_ago(20))}"


def test_an_action_of_a_review_not_yet_held_is_named_by_the_day_it_was_requested(review):
    review.held_on = None
    review.save()

    action = Action.raised_from(review, recommendation="r", owner_organisation="ICB", due_on=days_ago(-5))

    assert action.source_label == f"C(E)TR requested on {long_date(days_ago(30))}"


# Owner --------------------------------------------------------------------------------------------


def test_two_owners_at_once_are_refused_with_a_message(coordinator, review, keyworker):
    response = post_action(coordinator, review, owner_staff=keyworker.pk, owner_organisation="Occupational therapy")

    assert response.context["form"].errors["owner_organisation"] == [
        "Choose only one owner: a member of staff, a professional or an organisation"
    ]
    assert not Action.objects.exists()


def test_an_action_without_an_owner_is_refused_with_a_message(coordinator, review):
    response = post_action(coordinator, review, owner_organisation=" ")

    assert response.context["form"].errors["owner_staff"] == [
        "Choose who owns the action: a member of staff, a professional or an organisation"
    ]
    assert not Action.objects.exists()


def test_staff_of_another_service_cannot_own_an_action(coordinator, review, other_service):
    outsider = create_user(other_service, Role.KEYWORKER)

    response = post_action(coordinator, review, owner_staff=outsider.pk)

    assert "owner_staff" in response.context["form"].errors
    assert not Action.objects.exists()


def test_a_commissioner_is_not_offered_as_an_owner(coordinator, review, keyworker, service):
    commissioner = create_user(service, Role.COMMISSIONER)

    form = logged_in(coordinator).http.get(reverse("reviews:add_action", args=[review.pk])).context["form"]

    offered = list(form.fields["owner_staff"].queryset)
    assert keyworker in offered and commissioner not in offered


def test_the_database_refuses_an_action_with_two_owners(review, keyworker):
    with pytest.raises(IntegrityError):
        overdue(review, owner_staff=keyworker, owner_organisation="Occupational therapy")


@pytest.mark.parametrize(
    ("owner", "kind", "shown"),
    [
        ("staff", "staff", "Robin Keyworker"),
        ("professional", "professional", "Dr Ash, Psychiatrist, CAMHS"),
        ("organisation", "organisation", "Occupational therapy"),
    ],
)
def test_each_kind_of_owner_is_shown_the_same_way(review, keyworker, service, owner, kind, shown):
    keyworker.first_name, keyworker.last_name = "Robin", "Keyworker"
    keyworker.save()
    professional = Professional.objects.create(
        service=service, name="Dr Ash", role="Psychiatrist", organisation="CAMHS", agency_type="mental_health"
    )
    values = {
        "staff": {"owner_staff": keyworker},
        "professional": {"owner_professional": professional},
        "organisation": {"owner_organisation": "Occupational therapy"},
    }[owner]

    action = overdue(review, **values)

    assert (action.owner_kind, action.owner_display) == (kind, shown)


# Work lists ---------------------------------------------------------------------------------------


def test_an_action_owned_by_a_member_of_staff_is_on_their_work_list(service, review, keyworker):
    service.keyworkers_see_whole_service = True
    service.save()
    action = overdue(review, owner_staff=keyworker)

    home = logged_in(keyworker).http.get(reverse("home"))

    assert home.context["work"].overdue_actions == [action]
    assert f"from the C(E)TR on {long_date(days_ago(20))}" in home.content.decode()


def test_an_action_owned_by_someone_else_is_not_on_a_workers_list(service, review, keyworker):
    service.keyworkers_see_whole_service = True
    service.save()
    overdue(review, owner_staff=create_user(service, Role.KEYWORKER))

    assert work_for(Person.objects.filter(service=service), worker=keyworker).overdue_actions == []


def test_an_action_about_a_person_the_owner_may_not_see_stays_off_their_list(service, review, keyworker):
    overdue(review, owner_staff=keyworker)

    assert logged_in(keyworker).http.get(reverse("home")).context["work"].overdue_actions == []


def test_an_action_about_an_allocated_person_is_on_the_keyworkers_list_whoever_owns_it(review, keyworker):
    allocate(review.person, keyworker)
    action = overdue(review, owner_organisation="Occupational therapy")

    assert logged_in(keyworker).http.get(reverse("home")).context["work"].overdue_actions == [action]


def test_the_reminder_names_the_source_of_an_overdue_action(service, review, keyworker):
    service.keyworkers_see_whole_service = True
    service.save()
    overdue(review, owner_staff=keyworker)

    lines = reminder_lines(keyworker)

    assert f"Action overdue: {review.person.full_name}: Sensory assessment (from the C(E)TR on " in lines[-1]


def test_open_actions_are_counted_with_open_follow_ups_on_the_work_list(review, keyworker):
    allocate(review.person, keyworker)
    overdue(review, owner_organisation="Occupational therapy")

    (listed,) = work_for(Person.objects.all(), worker=keyworker).people

    assert listed.open_actions == 1


def test_the_open_actions_page_names_the_source_and_owner(service, review, keyworker):
    keyworker.first_name, keyworker.last_name = "Robin", "Keyworker"
    keyworker.save()
    overdue(review, owner_staff=keyworker)

    page = logged_in(create_user(service, Role.MANAGER)).http.get(reverse("reviews:actions")).content.decode()

    assert f"C(E)TR on {long_date(days_ago(20))}" in page and "Robin Keyworker" in page


def test_the_open_actions_page_runs_as_many_queries_for_five_actions_as_for_one(service, review, keyworker):
    manager = logged_in(create_user(service, Role.MANAGER))
    overdue(review, owner_staff=keyworker)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            manager.http.get(reverse("reviews:actions"))
        return len(captured)

    queries()  # the first fills the process's content-type cache, which the list's audit entry reads
    one = queries()
    for _ in range(4):
        overdue(review, owner_staff=create_user(service, Role.KEYWORKER))

    assert queries() == one


def test_the_persons_page_lists_the_action_under_its_review_with_its_owner(service, review, keyworker):
    keyworker.first_name, keyworker.last_name = "Robin", "Keyworker"
    keyworker.save()
    overdue(review, owner_staff=keyworker)

    reviews = reverse("register:person_reviews", args=[review.person.pk])
    page = logged_in(create_user(service, Role.MANAGER)).http.get(reviews).content.decode()

    assert "Sensory assessment – Robin Keyworker, due" in page


# API ----------------------------------------------------------------------------------------------


def test_the_api_adds_an_action_owned_by_staff_and_returns_its_source_and_owner(coordinator, review, keyworker):
    body = created(
        Api(coordinator).post(
            f"/api/reviews/{review.pk}/actions",
            {"recommendation": "Sensory assessment", "due_on": str(days_ago(-14)), "owner_staff_id": keyworker.pk},
        )
    )

    assert Action.objects.get().owner_staff == keyworker
    assert body["source"] == {
        "kind": "reviews.review",
        "id": review.pk,
        "label": f"C(E)TR on {long_date(days_ago(20))}",
    }
    assert (body["owner_kind"], body["owner_staff_id"], body["owner"]) == ("staff", keyworker.pk, keyworker.username)


def test_the_api_lists_actions_with_their_source_and_owner(coordinator, review):
    action = overdue(review, owner_organisation="Occupational therapy")

    (listed,) = Api(coordinator).get("/api/actions").json()

    assert (listed["id"], listed["source"]["kind"], listed["source"]["id"]) == (action.pk, "reviews.review", review.pk)
    assert (listed["owner_kind"], listed["owner"]) == ("organisation", "Occupational therapy")


def test_the_api_refuses_two_owners_with_a_message(coordinator, review, keyworker):
    response = Api(coordinator).post(
        f"/api/reviews/{review.pk}/actions",
        {
            "recommendation": "Sensory assessment",
            "due_on": str(days_ago(-14)),
            "owner_staff_id": keyworker.pk,
            "owner_organisation": "Occupational therapy",
        },
    )

    assert errors(response)["owner_organisation"] == [
        "Choose only one owner: a member of staff, a professional or an organisation"
    ]
    assert not Action.objects.exists()


def test_the_api_does_not_find_staff_of_another_service(coordinator, review, other_service):
    response = Api(coordinator).post(
        f"/api/reviews/{review.pk}/actions",
        {
            "recommendation": "Sensory assessment",
            "due_on": str(days_ago(-14)),
            "owner_staff_id": create_user(other_service, Role.KEYWORKER).pk,
        },
    )

    assert response.status_code == 404
    assert not Action.objects.exists()
