import datetime

import pytest

from keywork import audit
from keywork.accounts.models import Role, WorkerType
from keywork.safeguarding import operations
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate, create_user


@pytest.fixture
def child(service, coordinator_user, add_person):
    """Born 5 May 2012 (14 today), referred 1 June 2025."""
    return add_person(
        service,
        coordinator_user,
        date_of_birth=datetime.date(2012, 5, 5),
        referral_date=datetime.date(2025, 6, 1),
        local_authority="Kent",
    )


@pytest.fixture
def keyworker(service, child):
    """A practice consultant allocated to the child."""
    worker = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT)
    allocate(child, worker)
    return worker


@pytest.fixture
def status_of(service, coordinator_user):
    """status_of(person, kind="child_in_need", **fields) → a saved status the coordinator recorded."""

    def make(person, kind="child_in_need", **fields):
        values = {"starts_on": days_ago(100), "local_authority": "Kent"} | fields
        status = SafeguardingStatus(person=person, kind=kind, **values)
        status.full_clean(exclude=["recorded_by"])
        return operations.record_status(audit.Actor(coordinator_user, service), status)

    return make


@pytest.fixture
def concern_of(service):
    """concern_of(person, by, **fields) → a saved concern raised by `by`."""

    def make(person, by, **fields):
        values = {
            "raised_on": days_ago(3),
            "category": "neglect",
            "what_happened": "No food in the house",
            "referred_to": "front_door",
        }
        concern = SafeguardingConcern(person=person, **(values | fields))
        concern.full_clean(exclude=["raised_by"])
        return operations.raise_concern(audit.Actor(by, service), concern)

    return make
