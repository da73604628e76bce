import datetime

import pytest

from keywork.accounts.models import Role, WorkerType
from keywork.signposting.models import Signposting
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate, create_user


@pytest.fixture
def child(service, coordinator_user, add_person):
    """Born 5 May 2012, referred 1 June 2025."""
    return add_person(
        service, coordinator_user, date_of_birth=datetime.date(2012, 5, 5), referral_date=datetime.date(2025, 6, 1)
    )


@pytest.fixture
def peer(service, child):
    """A Peer Associate allocated to the child."""
    worker = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PEER_ASSOCIATE)
    allocate(child, worker)
    return worker


@pytest.fixture
def signposting_of(db):
    """signposting_of(person, by, **fields) → a saved signposting recorded by `by`."""

    def make(person, by, **fields):
        values = {"signposted_on": days_ago(10), "organisation": "Youth club", "kind": "community_group"}
        return Signposting.objects.create(person=person, recorded_by=by, **(values | fields))

    return make
