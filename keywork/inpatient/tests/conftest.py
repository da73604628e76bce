import datetime

import pytest

from keywork.testing.api import Api


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
