"""Moving the register's looked-after yes/no into the safeguarding status history: each person
marked looked after gets one looked-after status, and unapplying puts the yes/no back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from keywork.accounts.models import Role
from keywork.safeguarding.models import SafeguardingStatus
from keywork.testing.factories import create_user

BEFORE = [("safeguarding", "0001_statuses_and_concerns"), ("register", "0008_person_ehcp_moved_to_education")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_latest() -> None:
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture
def before(service, add_person):
    """Two people, then the register as it was with its yes/no, one of them marked looked after."""
    coordinator = create_user(service, Role.COORDINATOR)
    looked_after, not_looked_after = add_person(service, coordinator), add_person(service, coordinator)
    apps = migrate(BEFORE)
    apps.get_model("register", "Person").objects.filter(pk=looked_after.pk).update(looked_after=True)
    yield looked_after, not_looked_after, coordinator
    migrate_to_latest()  # as the rest of the suite expects


def test_each_looked_after_person_gets_a_looked_after_status_from_their_referral(before):
    looked_after, _, coordinator = before

    migrate_to_latest()

    status = SafeguardingStatus.objects.get()
    assert (status.person_id, status.kind, status.legal_basis) == (looked_after.pk, "looked_after", "not_recorded")
    assert (status.starts_on, status.ends_on) == (looked_after.referral_date, None)
    assert (status.local_authority, status.recorded_by) == (looked_after.local_authority, coordinator)


def test_unapplying_puts_the_yes_no_back(before):
    looked_after, not_looked_after, _ = before
    migrate_to_latest()

    apps = migrate(
        [("safeguarding", "0001_statuses_and_concerns"), ("register", "0008_person_ehcp_moved_to_education")]
    )

    OldPerson = apps.get_model("register", "Person")
    assert set(OldPerson.objects.filter(looked_after=True).values_list("pk", flat=True)) == {looked_after.pk}
    assert not_looked_after.pk not in OldPerson.objects.filter(looked_after=True).values_list("pk", flat=True)
