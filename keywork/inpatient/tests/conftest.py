import datetime

import pytest

from keywork import audit
from keywork.accounts.models import Role
from keywork.inpatient import operations
from keywork.inpatient.models import Admission


@pytest.fixture
def coordinator_user(service, make_user):
    return make_user(service, Role.COORDINATOR)


@pytest.fixture
def actor(service, coordinator_user):
    return audit.Actor(coordinator_user, service)


@pytest.fixture
def admit(actor):
    def make(person, on: datetime.date, discharged_on: datetime.date | None = None):
        admission = Admission(
            person=person,
            hospital="Fernbrook Hospital",
            unit="Willow",
            unit_type="picu",
            distance_miles=40,
            admitted_on=on,
            discharged_on=discharged_on,
            discharge_destination="Family home" if discharged_on else "",
        )
        admission.full_clean(exclude=["recorded_by"])
        return operations.record_admission(actor, admission, "s2")

    return make


@pytest.fixture
def young_person(service, coordinator_user, add_person):
    return add_person(
        service,
        coordinator_user,
        rating="amber",
        referral_date=datetime.date(2019, 6, 1),
        date_of_birth=datetime.date(2006, 5, 5),
    )
