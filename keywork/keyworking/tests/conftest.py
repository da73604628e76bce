import datetime

import pytest
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.keyworking.models import Allocation, Referral

TODAY = timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=days)


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


@pytest.fixture
def person(service, make_user, add_person):
    return add_person(service, make_user(service, Role.COORDINATOR), rating="red", referral_date=days_ago(60))


@pytest.fixture
def allocate(manager):
    def make(person, worker, starts_on=None):
        return Allocation.objects.create(
            person=person,
            worker=worker,
            worker_type=worker.worker_type,
            starts_on=starts_on or days_ago(30),
            reason="Allocated",
            recorded_by=manager.user,
        )

    return make


@pytest.fixture
def accepted_referral(person, manager):
    return Referral.objects.create(
        person=person,
        route="dsr",
        received_on=days_ago(50),
        referrer_name="DSR",
        referrer_organisation="ICB",
        reason="At risk",
        decision="accepted",
        decided_on=days_ago(45),
        decided_by=manager.user,
        recorded_by=manager.user,
    )
