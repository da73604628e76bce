"""Admissions without a prior community C(E)TR or LAEP, counted by hand for the third quarter of
2026/27 (1 October to 25 November 2026, the clock at keywork.testing.dates)."""

import datetime

import pytest

from keywork.accounts.models import Role
from keywork.figures.before_admission import NOT_REVIEWED, REVIEWED, admissions_without_prior_review, before_admission
from keywork.register.models import Person
from keywork.reviews.models import Review

D = datetime.date
Q3 = (D(2026, 10, 1), D(2026, 11, 25))


def held(person, kind, on, by):
    Review.objects.create(person=person, kind=kind, requested_on=on, held_on=on, recorded_by=by)


@pytest.fixture
def people(service, coordinator_user, add_person, admit, other_service, make_user):
    """Six admissions in the quarter, two of them preceded by a review that counts; one outside it."""

    def person(where=service, by=coordinator_user):
        return add_person(where, by, rating="amber", referral_date=D(2024, 1, 5), date_of_birth=D(2010, 1, 1))

    # 1. A community C(E)TR on 12 October 2025, admitted 12 October 2026: the same date a year before. Counts.
    first = person()
    held(first, "community", D(2025, 10, 12), coordinator_user)
    admit(first, D(2026, 10, 12), discharged_on=D(2026, 10, 20))
    # 2. An LAEP meeting the day of admission. Counts.
    second = person()
    held(second, "laep", D(2026, 11, 2), coordinator_user)
    admit(second, D(2026, 11, 2))
    # 3. A community C(E)TR a day more than 12 months before: without.
    third = person()
    held(third, "community", D(2025, 10, 11), coordinator_user)
    admit(third, D(2026, 10, 12))
    # 4. Only a post-admission C(E)TR: without.
    fourth = person()
    admit(fourth, D(2026, 10, 5))
    held(fourth, "post_admission", D(2026, 10, 15), coordinator_user)
    # 5. Nothing at all, admitted twice in the quarter: both without.
    fifth = person()
    admit(fifth, D(2026, 10, 1), discharged_on=D(2026, 10, 3))
    admit(fifth, D(2026, 11, 20))
    # Outside the quarter: admitted 30 September, without a review; not counted.
    admit(person(), D(2026, 9, 30))
    # Another service's admission without one: not this service's figure.
    elsewhere = person(other_service, make_user(other_service, Role.COORDINATOR))
    admit(elsewhere, D(2026, 10, 7))
    return Person.objects.filter(service=service)


def test_admissions_in_the_period_without_a_prior_review_are_counted_by_hand(people):
    assert admissions_without_prior_review(people, *Q3) == 4
    assert before_admission(people, *Q3) == {NOT_REVIEWED: 4, REVIEWED: 2}


def test_a_review_held_for_another_services_person_does_not_count(people, other_service):
    assert before_admission(Person.objects.filter(service=other_service), *Q3) == {NOT_REVIEWED: 1, REVIEWED: 0}
