import pytest

from keywork.accounts.models import Role
from keywork.testing import factories
from keywork.testing.api import Api
from keywork.testing.dates import days_ago


@pytest.fixture
def person(service, make_user, add_person):
    return add_person(service, make_user(service, Role.COORDINATOR), rating="red", referral_date=days_ago(60))


@pytest.fixture
def api(manager):
    """The manager calling the JSON API."""
    return Api(manager.user)


@pytest.fixture
def allocate(manager):
    """allocate(person, worker, starts_on=30 days ago) → an allocation the manager recorded."""

    def make(person, worker, starts_on=None):
        return factories.allocate(person, worker, starts_on or days_ago(30), by=manager.user, reason="Allocated")

    return make


@pytest.fixture
def accepted_referral(person, manager):
    """Received 50 days ago and accepted by the manager 45 days ago."""
    return factories.accept_referral(person, manager.user, decided_on=days_ago(45), received_on=days_ago(50))
