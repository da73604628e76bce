"""Bank holidays and working days in England and Wales (keywork/workingdays.py)."""

import datetime

import holidays

from keywork.workingdays import add_working_days, bank_holidays, is_working_day

D = datetime.date


def test_ve_day_moved_the_early_may_bank_holiday_in_2020():
    assert D(2020, 5, 8) in bank_holidays(2020)
    assert D(2020, 5, 4) not in bank_holidays(2020)


def test_the_platinum_jubilee_and_the_queens_funeral_were_bank_holidays_in_2022():
    assert {D(2022, 6, 2), D(2022, 6, 3), D(2022, 9, 19)} <= bank_holidays(2022)


def test_the_spring_bank_holiday_did_not_fall_on_30_may_2022():
    assert D(2022, 5, 30) not in bank_holidays(2022)
    assert is_working_day(D(2022, 5, 30))


def test_the_coronation_was_a_bank_holiday_in_2023():
    assert D(2023, 5, 8) in bank_holidays(2023)


def test_christmas_on_a_sunday_gives_tuesday_as_its_substitute():
    # 2022: Christmas Day on Sunday, Boxing Day on Monday.
    assert {D(2022, 12, 26), D(2022, 12, 27)} <= bank_holidays(2022)
    assert is_working_day(D(2022, 12, 28))


def test_christmas_on_a_saturday_gives_monday_and_tuesday_as_substitutes():
    # 2021: Christmas Day on Saturday, Boxing Day on Sunday.
    assert {D(2021, 12, 27), D(2021, 12, 28)} <= bank_holidays(2021)
    assert is_working_day(D(2021, 12, 29))


def test_a_weekend_holiday_is_not_listed_beside_its_substitute():
    assert D(2022, 12, 25) not in bank_holidays(2022)


def test_working_days_skip_good_friday_and_easter_monday():
    # Thursday 6 April 2023; Good Friday 7 April and Easter Monday 10 April are bank holidays.
    assert add_working_days(D(2023, 4, 6), 1) == D(2023, 4, 11)
    assert add_working_days(D(2023, 4, 6), 5) == D(2023, 4, 17)


def test_counting_from_a_weekend_starts_on_the_next_working_day():
    assert add_working_days(D(2023, 4, 8), 1) == D(2023, 4, 11)


def test_england_and_wales_still_share_their_bank_holidays():
    years = range(2020, 2036)
    england = holidays.UnitedKingdom(subdiv="ENG", years=years)
    wales = holidays.UnitedKingdom(subdiv="WLS", years=years)
    assert set(england) == set(wales)
