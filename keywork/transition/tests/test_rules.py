"""The age rules agree with each other and with the register's ages, on every day of four years
(a leap year among them), for people born on every day of a leap year."""

import datetime

import pytest

from keywork.register.rules import age_on
from keywork.transition import rules

DAYS = [datetime.date(2026, 1, 1) + datetime.timedelta(days=n) for n in range(0, 4 * 366, 3)]
BIRTHDAYS = [datetime.date(2008, 1, 1) + datetime.timedelta(days=n) for n in range(366)]


@pytest.mark.parametrize("age", [rules.TRANSITION_PLAN_FROM, rules.ADULT_SERVICES_REFERRAL_FROM, (18, 0), (25, 6)])
def test_someone_born_by_the_cut_off_has_reached_the_age_and_nobody_born_after(age):
    for today in DAYS[::15]:
        cut_off = rules.born_by(today, age)
        assert rules.has_reached(cut_off, age, today)
        assert not rules.has_reached(cut_off + datetime.timedelta(days=1), age, today)


def test_a_whole_years_age_is_reached_the_day_the_register_counts_it():
    for born in BIRTHDAYS:
        turns_18 = rules.reaches(born, (18, 0))
        assert age_on(born, turns_18) == 18 and age_on(born, turns_18 - datetime.timedelta(days=1)) == 17


def test_someone_born_on_29_february_turns_26_on_1_march_in_a_year_without_one():
    born = datetime.date(2000, 2, 29)
    assert not rules.has_reached(born, rules.KEYWORK_ENDS_AT, datetime.date(2026, 2, 28))
    assert rules.has_reached(born, rules.KEYWORK_ENDS_AT, datetime.date(2026, 3, 1))


def test_consent_given_by_a_parent_before_18_is_not_the_re_check():
    born = datetime.date(2008, 5, 10)
    assert not rules.consent_rechecked(born, datetime.date(2026, 5, 9))
    assert rules.consent_rechecked(born, datetime.date(2026, 5, 10))
