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
def person(service, manager, add_person):
    return add_person(service, manager.user, rating="red")


def accept_referral(person, by, decided_on=None, closed_on=None) -> Referral:
    decided_on = decided_on or days_ago(200)
    return Referral.objects.create(
        person=person,
        route="dsr",
        received_on=decided_on,
        referrer_name="A referrer",
        referrer_organisation="CAMHS",
        reason="At risk of admission",
        decision="accepted",
        decided_on=decided_on,
        decided_by=by,
        closed_on=closed_on,
        closing_reason="stepped_down" if closed_on else "",
        recorded_by=by,
    )


def allocate(person, worker, starts_on, by) -> Allocation:
    return Allocation.objects.create(
        person=person, worker=worker, worker_type=worker.worker_type, starts_on=starts_on, reason="r", recorded_by=by
    )
