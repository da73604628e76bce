"""New to keywork and the days from referral to allocation, counted by hand for 2025/26 Q3
(1 October to 31 December 2025)."""

import datetime

import pytest

from keywork.accounts.models import WorkerType
from keywork.figures.allocations import DaysToAllocation, days_to_allocation, first_allocations, new_to_keywork
from keywork.register.models import Person
from keywork.testing.factories import allocate, keyworker_of, refer

D = datetime.date
START, END = D(2025, 10, 1), D(2025, 12, 31)


@pytest.fixture
def person(service, coordinator_user, add_person):
    return lambda: add_person(service, coordinator_user, rating="amber", referral_date=D(2025, 1, 6))


@pytest.fixture
def practice_consultant(service):
    return keyworker_of(service)


def accepted(person, by, received_on):
    return refer(person, by, "accepted", received_on=received_on, decided_on=received_on)


def people(service):
    return Person.objects.filter(service=service)


def test_a_first_allocation_in_the_quarter_is_new_to_keywork(service, person, practice_consultant):
    first = person()
    allocate(first, practice_consultant, starts_on=D(2025, 11, 3))
    assert first_allocations(people(service), START, END) == {first.pk: D(2025, 11, 3)}


def test_a_change_of_keyworker_in_the_quarter_is_not_new_to_keywork(service, person, practice_consultant):
    changed = person()
    allocate(changed, keyworker_of(service), starts_on=D(2025, 6, 2), ends_on=D(2025, 10, 31))
    allocate(changed, practice_consultant, starts_on=D(2025, 11, 1))
    assert new_to_keywork(people(service), START, END) == 0


def test_keywork_starting_again_after_it_ended_is_not_new_to_keywork(service, person, practice_consultant):
    returning = person()
    allocate(returning, practice_consultant, starts_on=D(2025, 2, 3), ends_on=D(2025, 5, 30))
    allocate(returning, practice_consultant, starts_on=D(2025, 12, 1))
    assert new_to_keywork(people(service), START, END) == 0


def test_only_the_designated_keyworker_starts_keywork(service, person):
    supported = person()
    allocate(supported, keyworker_of(service, WorkerType.BEHAVIOUR_TEAM), starts_on=D(2025, 10, 6))
    assert new_to_keywork(people(service), START, END) == 0
    # Their first Practice Consultant after the Behaviour Team is their start.
    allocate(supported, keyworker_of(service), starts_on=D(2025, 12, 8))
    assert new_to_keywork(people(service), START, END) == 1


def test_another_services_allocations_are_never_counted(
    service, other_service, make_user, add_person, coordinator_user
):
    other = add_person(other_service, make_user(other_service, "coordinator"), referral_date=D(2025, 1, 6))
    accepted(other, coordinator_user, D(2025, 10, 1))
    allocate(other, keyworker_of(other_service), starts_on=D(2025, 10, 20))
    assert new_to_keywork(people(service), START, END) == 0
    assert days_to_allocation(people(service), START, END) == DaysToAllocation([], 0)


def test_the_median_of_an_odd_number_of_waits_is_the_middle_one(service, person, practice_consultant, coordinator_user):
    # Waits of 9, 30 and 2 days: the middle one is 9.
    for received, allocated in [(D(2025, 10, 1), D(2025, 10, 10)), (D(2025, 9, 15), D(2025, 10, 15)),
                                (D(2025, 12, 29), D(2025, 12, 31))]:  # fmt: skip
        someone = person()
        accepted(someone, coordinator_user, received)
        allocate(someone, practice_consultant, starts_on=allocated)
    days = days_to_allocation(people(service), START, END)
    assert sorted(days.waits) == [2, 9, 30] and days.allocations == 3 and days.median == 9


def test_the_median_of_an_even_number_of_waits_is_the_mean_of_the_middle_two(
    service, person, practice_consultant, coordinator_user
):
    for wait in [2, 9, 10, 30]:
        someone = person()
        accepted(someone, coordinator_user, D(2025, 10, 1))
        allocate(someone, practice_consultant, starts_on=D(2025, 10, 1) + datetime.timedelta(days=wait))
    assert days_to_allocation(people(service), START, END).median == 9.5


def test_a_change_of_keyworker_is_not_a_wait_for_allocation(service, person, practice_consultant, coordinator_user):
    changed = person()
    accepted(changed, coordinator_user, D(2025, 8, 1))
    allocate(changed, keyworker_of(service), starts_on=D(2025, 8, 11), ends_on=D(2025, 10, 31))
    allocate(changed, practice_consultant, starts_on=D(2025, 11, 1))
    # The wait (10 days) ended in August, before the quarter.
    assert days_to_allocation(people(service), START, END) == DaysToAllocation([], 0)


def test_a_referral_while_already_allocated_waits_for_nothing(service, person, practice_consultant, coordinator_user):
    allocated = person()
    allocate(allocated, keyworker_of(service), starts_on=D(2025, 6, 2), ends_on=D(2025, 11, 30))
    accepted(allocated, coordinator_user, D(2025, 10, 6))
    allocate(allocated, practice_consultant, starts_on=D(2025, 12, 1))
    assert days_to_allocation(people(service), START, END).allocations == 0


def test_the_wait_runs_from_the_earliest_referral_before_the_allocation(
    service, person, practice_consultant, coordinator_user
):
    waiting = person()
    accepted(waiting, coordinator_user, D(2025, 9, 1))
    accepted(waiting, coordinator_user, D(2025, 10, 1))
    allocate(waiting, practice_consultant, starts_on=D(2025, 10, 31))
    assert days_to_allocation(people(service), START, END).waits == [60]


def test_an_allocation_that_followed_no_accepted_referral_is_left_out_and_noted(
    service, person, practice_consultant, coordinator_user
):
    unreferred = person()
    refer(unreferred, coordinator_user, "declined", received_on=D(2025, 9, 1), decided_on=D(2025, 9, 2))
    allocate(unreferred, practice_consultant, starts_on=D(2025, 10, 13))
    days = days_to_allocation(people(service), START, END)
    assert days.allocations == 0 and days.unreferred == 1 and days.median is None
