"""Kent and Medway's headline, replayed: admissions and discharges from 2020 to 2023 entered as
history, and the census computed month by month from those records."""

import datetime
import random

import pytest

from keywork.inpatient.census import monthly_census
from keywork.inpatient.models import Admission
from keywork.inpatient.synthetic import KENT_AND_MEDWAY_TREND, admissions_following

D = datetime.date
TODAY = D(2026, 11, 25)


@pytest.fixture
def history(service, actor, coordinator_user, add_person, rng):
    people = [
        add_person(
            service,
            coordinator_user,
            rating="amber",
            referral_date=D(2019, 6, 1),
            date_of_birth=D(2007, 1, 1) + datetime.timedelta(days=40 * n),
        )
        for n in range(40)
    ]
    admissions_following(KENT_AND_MEDWAY_TREND, people, actor, random.Random(7))
    return people


def census_by_month(service):
    months = monthly_census(service, D(2020, 1, 1), D(2023, 6, 30), TODAY)
    return {(m.month.year, m.month.month): m.count for m in months}


def test_the_census_is_computed_month_by_month_from_the_admission_records(service, history):
    assert census_by_month(service) == KENT_AND_MEDWAY_TREND


def test_the_census_peaks_at_21_in_june_2020(service, history):
    census = census_by_month(service)
    assert max(census.values()) == 21 and census[(2020, 6)] == 21


def test_the_census_stays_at_or_below_the_target_of_6_from_november_2021(service, history):
    from_november_2021 = [n for month, n in census_by_month(service).items() if month >= (2021, 11)]
    assert from_november_2021 and max(from_november_2021) <= service.inpatient_target == 6


def test_the_census_falls_to_2_in_2023(service, history):
    assert census_by_month(service)[(2023, 6)] == 2


def test_a_month_in_the_past_is_not_changed_by_todays_state(service, history, actor):
    before = census_by_month(service)
    for admission in Admission.objects.filter(discharged_on__isnull=True):
        admission.discharged_on, admission.discharge_destination = D(2024, 1, 10), "Home"
        admission.save()
    assert census_by_month(service) == before


def test_the_census_splits_by_local_authority(service, history):
    month = monthly_census(service, D(2020, 6, 1), D(2020, 6, 30), TODAY)[0]
    assert sum(month.by_local_authority.values()) == month.count == 21
    assert set(month.by_local_authority) == {"Kent", "Medway"}


def test_a_discharge_day_counts_the_person_as_out(service, add_person, coordinator_user, admit, rng):
    person = add_person(service, coordinator_user, referral_date=D(2020, 1, 1), date_of_birth=D(2008, 1, 1))
    admit(person, D(2020, 1, 10), discharged_on=D(2020, 1, 31))
    assert monthly_census(service, D(2020, 1, 1), D(2020, 1, 31), TODAY)[0].count == 0
