"""Kent and Medway's headline, replayed: admissions and discharges from 2020 to 2023 entered as
history, and the census computed month by month from those records."""

import datetime
import random

import pytest

from keywork.figures.census import CensusMonth, monthly_census, suppress_for_publication
from keywork.figures.inpatients import detained_or_informal, in_hospital
from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.inpatient.synthetic import KENT_AND_MEDWAY_TREND, admissions_following
from keywork.register.models import Person

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


# Detained or informal, month by month ------------------------------------------------------------


@pytest.fixture
def legal_statuses(service, actor, coordinator_user, add_person, admit):
    """Four stays in early 2025, counted by hand at each month's end in the test below:
    A: section 2 from 10 January, informal from 15 February, discharged 10 March;
    B: section 3 from 1 February, discharged 28 February (out on the day);
    C: from 20 February, no legal status recorded, still in;
    D: section 2 from 5 March, informal from 20 April, still in."""
    people = [
        add_person(service, coordinator_user, referral_date=D(2024, 1, 10), date_of_birth=D(2010, 3, 3 + n))
        for n in range(4)
    ]
    a = admit(people[0], D(2025, 1, 10), discharged_on=D(2025, 3, 10))
    admit(people[1], D(2025, 2, 1), discharged_on=D(2025, 2, 28))
    LegalStatusChange.objects.filter(admission=admit(people[2], D(2025, 2, 20))).delete()
    d = admit(people[3], D(2025, 3, 5))
    for stay, on in ((a, D(2025, 2, 15)), (d, D(2025, 4, 20))):
        change = {"status": "informal", "effective_on": on, "recorded_by": coordinator_user}
        LegalStatusChange.objects.create(admission=stay, **change)


def test_each_month_counts_those_detained_informal_and_not_recorded_on_its_last_day(service, legal_statuses):
    months = monthly_census(service, D(2025, 1, 1), D(2025, 4, 30), TODAY)
    assert [(m.count, m.by_legal_status) for m in months] == [
        (1, {"Detained": 1, "Informal": 0, "Not recorded": 0}),  # 31 January: A
        (2, {"Detained": 0, "Informal": 1, "Not recorded": 1}),  # 28 February: A informal, C
        (2, {"Detained": 1, "Informal": 0, "Not recorded": 1}),  # 31 March: C, D
        (2, {"Detained": 0, "Informal": 1, "Not recorded": 1}),  # 30 April: C, D informal
    ]


def test_each_month_agrees_with_detained_or_informal_on_its_day(service, legal_statuses):
    people = Person.objects.filter(service=service)
    for month in monthly_census(service, D(2025, 1, 1), D(2025, 4, 30), TODAY):
        counted = detained_or_informal(people, month.day)
        assert {group: month.by_legal_status[group] for group in counted} == counted
        assert month.count == in_hospital(people, month.day)


def test_the_census_takes_the_same_queries_for_two_years_as_for_a_month(
    service, legal_statuses, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        monthly_census(service, D(2025, 1, 1), D(2025, 1, 31), TODAY)
    with django_assert_max_num_queries(2):
        monthly_census(service, D(2024, 1, 1), D(2025, 12, 31), TODAY)


# As published -------------------------------------------------------------------------------------


def published(by_area: dict, by_status: dict, threshold: int = 5) -> CensusMonth:
    month = CensusMonth(D(2025, 1, 1), D(2025, 1, 31), sum(by_area.values()), by_area, 20.5, 6, by_status)
    suppress_for_publication(month, threshold)
    return month


def test_published_detained_or_informal_hides_nothing_when_no_count_is_small():
    month = published({"Kent": 8, "Medway": 6}, {"Detained": 8, "Informal": 6, "Not recorded": 0})
    assert month.by_legal_status == {"Detained": 8, "Informal": 6, "Not recorded": 0} and month.shown_count == 14


def test_published_detained_or_informal_cannot_be_worked_out_from_the_local_authorities():
    # Kent 8 and Medway 6 are shown, so the total is 14: Informal and Not recorded, hidden alone,
    # would be 14 - 12 = 2, one each.
    month = published({"Kent": 8, "Medway": 6}, {"Detained": 12, "Informal": 1, "Not recorded": 1})
    assert month.by_legal_status == {"Detained": "*", "Informal": "*", "Not recorded": "*"}


def test_published_local_authorities_cannot_be_worked_out_from_detained_or_informal():
    # Medway's 2 is hidden and the total rounded; Detained 8 and Informal 6, shown, would give 14.
    month = published({"Kent": 12, "Medway": 2}, {"Detained": 8, "Informal": 6, "Not recorded": 0})
    assert month.by_local_authority["Medway"] == "*" and month.shown_count == 15
    assert month.by_legal_status == {"Detained": "*", "Informal": "*", "Not recorded": 0}
    assert month.average_days_in_hospital is None
