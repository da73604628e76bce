"""Migrating actions from a required review to a source: existing actions keep their review, each
ends with exactly one owner, and unapplying puts the review back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from keywork.accounts.models import Role
from keywork.keyworking.models import Professional
from keywork.reviews.models import Action, Review
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user

BEFORE = [("reviews", "0001_initial")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    """Migrate the test database to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def before(service, add_person):
    """A person, a professional and a user made now, then the reviews app as it was before sources."""
    coordinator = create_user(service, Role.COORDINATOR)
    person = add_person(service, coordinator, rating="amber")
    professional = Professional.objects.create(
        service=service, name="Dr Ash", role="Psychiatrist", organisation="CAMHS", agency_type="mental_health"
    )
    apps = migrate(BEFORE)
    yield apps, person, coordinator, professional
    migrate_to_latest()  # as the rest of the suite expects


def old_review_with_actions(apps, person, coordinator, professional):
    OldReview, OldAction = apps.get_model("reviews", "Review"), apps.get_model("reviews", "Action")
    review = OldReview.objects.create(
        person_id=person.pk,
        kind="community",
        requested_on=days_ago(30),
        held_on=days_ago(20),
        recorded_by_id=coordinator.pk,
    )
    common = {"review": review, "person_id": person.pk, "due_on": days_ago(5)}
    OldAction.objects.create(recommendation="By an organisation", owner_organisation="ICB", **common)
    # Both were allowed before; the professional was the owner shown.
    OldAction.objects.create(
        recommendation="By a professional", owner_professional_id=professional.pk, owner_organisation="CAMHS", **common
    )
    return review.pk


def test_existing_actions_keep_their_review_as_their_source(before):
    review_id = old_review_with_actions(*before)

    migrate_to_latest()

    review = Review.objects.get(pk=review_id)
    assert sorted(action.recommendation for action in review.actions.all()) == [
        "By a professional",
        "By an organisation",
    ]
    assert {action.source for action in Action.objects.all()} == {review}


def test_an_action_owned_by_a_professional_and_an_organisation_keeps_the_professional(before):
    old_review_with_actions(*before)
    professional = before[3]

    migrate_to_latest()

    action = Action.objects.get(recommendation="By a professional")
    assert (action.owner_kind, action.owner_professional, action.owner_organisation) == (
        "professional",
        professional,
        "",
    )


def test_unapplying_the_migration_puts_each_actions_review_back(before):
    review_id = old_review_with_actions(*before)
    migrate_to_latest()

    apps = migrate(BEFORE)

    OldAction = apps.get_model("reviews", "Action")
    assert set(OldAction.objects.values_list("review_id", flat=True)) == {review_id}
