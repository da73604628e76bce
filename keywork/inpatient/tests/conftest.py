import datetime
import functools

import pytest

from keywork import audit
from keywork.accounts.models import Role
from keywork.testing import factories
from keywork.testing.api import Api


@pytest.fixture
def coordinator_user(service, make_user):
    return make_user(service, Role.COORDINATOR)


@pytest.fixture
def actor(service, coordinator_user):
    return audit.Actor(coordinator_user, service)


@pytest.fixture
def admit(actor):
    """admit(person, on, discharged_on=None) → an admission the coordinator recorded."""
    return functools.partial(factories.admit, actor)


@pytest.fixture
def api(coordinator_user):
    return Api(coordinator_user)


@pytest.fixture
def person(young_person):
    """Referred on 1 June 2019 and rated amber then; no admissions yet."""
    return young_person


@pytest.fixture
def young_person(service, coordinator_user, add_person):
    return add_person(
        service,
        coordinator_user,
        rating="amber",
        referral_date=datetime.date(2019, 6, 1),
        date_of_birth=datetime.date(2006, 5, 5),
    )
