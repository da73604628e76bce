"""Bed days and average length of stay worked out by hand for stays across month ends, with the
clock at 25 November 2026 (keywork.testing.dates), and the estimate of what avoided admissions saved."""

import datetime

import pytest

from keywork.figures import hospital
from keywork.figures.hospital import Period
from keywork.register.models import Person
from keywork.testing.dates import TODAY

D = datetime.date
AUGUST = Period("August 2026", D(2026, 8, 1), D(2026, 8, 31))
SEPTEMBER = Period("September 2026", D(2026, 9, 1), D(2026, 9, 30))
OCTOBER = Period("October 2026", D(2026, 10, 1), D(2026, 10, 31))
NOVEMBER = Period("November 2026 (to date)", D(2026, 11, 1), TODAY)
Q3_TO_DATE = Period("2026/27 Q3 (to date)", D(2026, 10, 1), TODAY)


@pytest.fixture
def stays(service, coordinator_user, add_person, admit):
    """Four stays: what each means is written beside it."""

    def person():
        return add_person(service, coordinator_user, rating="amber", referral_date=D(2026, 1, 5))

    # 30 August to 2 September: the nights of 30 and 31 August, and of 1 September; 3 bed days.
    admit(person(), D(2026, 8, 30), discharged_on=D(2026, 9, 2))
    # 29 September to 31 October: 2 nights in September, 30 in October (not the discharge day's); 32.
    admit(person(), D(2026, 9, 29), discharged_on=D(2026, 10, 31))
    # Admitted and discharged on 10 October: no night in hospital; a stay of 0 days.
    admit(person(), D(2026, 10, 10), discharged_on=D(2026, 10, 10))
    # Admitted on 20 November and still in hospital on the 25th: the nights of 20 to 24 November; 5.
    admit(person(), D(2026, 11, 20))
    return hospital.stays_of(Person.objects.filter(service=service), D(2026, 7, 1), TODAY)


def test_bed_days_count_each_night_in_the_month_it_begins(stays):
    bed_days = [hospital.hospital_use(stays, month, TODAY).bed_days for month in (AUGUST, SEPTEMBER, OCTOBER)]
    assert bed_days == [2, 3, 30]


def test_a_stay_not_yet_ended_counts_up_to_last_night(stays):
    assert hospital.hospital_use(stays, NOVEMBER, TODAY).bed_days == 5


def test_someone_admitted_and_discharged_the_same_day_has_no_bed_days_but_a_discharge(stays):
    october = hospital.hospital_use(stays, OCTOBER, TODAY)
    assert (october.people_in_hospital, october.discharges) == (1, 2)


def test_the_average_stay_is_of_the_stays_discharged_in_the_period_each_counted_whole(stays):
    # September: the 3-day stay. October: the 32-day stay (begun in September) and the 0-day one.
    averages = [hospital.hospital_use(stays, month, TODAY).average_stay for month in (SEPTEMBER, OCTOBER, NOVEMBER)]
    assert averages == [3, 16, None]


def test_a_quarter_adds_its_months(stays):
    quarter = hospital.hospital_use(stays, Q3_TO_DATE, TODAY)
    assert (quarter.bed_days, quarter.discharges, quarter.average_stay) == (35, 2, 16)


def test_the_estimate_multiplies_admissions_avoided_by_the_years_average_stay_and_the_cost(stays):
    # The year to 25 November: stays of 3, 32 and 0 days, 35/3 on average; 2 × 35/3 = 23⅓ bed days,
    # at £750 a night £17,500.
    estimate = hospital.avoided_estimate(stays, Q3_TO_DATE, admissions_avoided=2, bed_day_cost_pence=75000)
    assert (estimate.average_stay, estimate.bed_days_avoided, estimate.cost_avoided_pence) == (11.7, 23, 1750000)


def test_without_a_bed_day_cost_no_cost_is_estimated(stays):
    estimate = hospital.avoided_estimate(stays, Q3_TO_DATE, admissions_avoided=2, bed_day_cost_pence=None)
    assert (estimate.bed_days_avoided, estimate.cost_avoided_pence) == (23, None)


def test_figures_about_a_few_people_are_hidden_when_published(stays):
    published = hospital.published_use(hospital.hospital_use(stays, OCTOBER, TODAY), threshold=7)
    assert (published.bed_days, published.people_in_hospital, published.discharges, published.average_stay) == (
        "*",
        "*",
        "*",
        "*",
    )


def test_an_average_stay_of_a_few_stays_is_hidden_with_what_it_gives_when_published(stays):
    # Ten admissions avoided are shown, but the year's average of 3 stays is not, nor the bed days
    # avoided, which divided by ten would give it.
    estimate = hospital.avoided_estimate(stays, Q3_TO_DATE, admissions_avoided=10, bed_day_cost_pence=75000)
    published = hospital.published_estimate(estimate, threshold=7)
    assert (published.admissions_avoided, published.average_stay, published.bed_days_avoided) == (10, "*", "*")
    assert published.cost_avoided_pence == "*"
