import datetime

import pytest


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


@pytest.fixture
def someone(service, coordinator_user, add_person):
    """someone(n, **details) → the n-th of a group of people, amber since 10 January 2024, born a day apart."""

    def make(n: int, **details):
        born = datetime.date(2010, 3, 3) + datetime.timedelta(days=n)
        details = {"referral_date": datetime.date(2024, 1, 10), "date_of_birth": born} | details
        return add_person(service, coordinator_user, rating="amber", **details)

    return make
