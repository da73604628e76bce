import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.register import rules

D = datetime.date


def test_a_known_good_nhs_number_passes_the_check_digit():
    rules.validate_nhs_number("9434765919")


def test_a_wrong_check_digit_is_refused_with_a_reason():
    with pytest.raises(ValidationError, match="check digit"):
        rules.validate_nhs_number("9434765918")


def test_a_number_whose_check_digit_would_be_10_is_never_valid():
    first_nine = next(f"999{n:06d}" for n in range(10**6) if rules.nhs_number_check_digit(f"999{n:06d}") is None)
    for last in "0123456789":
        with pytest.raises(ValidationError):
            rules.validate_nhs_number(first_nine + last)


@pytest.mark.parametrize("value", ["123", "94347659199", "94347659A9", ""])
def test_an_nhs_number_that_is_not_ten_digits_is_refused(value):
    with pytest.raises(ValidationError, match="10 digits"):
        rules.validate_nhs_number(value)


def test_spaces_and_dashes_typed_in_an_nhs_number_are_removed():
    assert rules.normalise_nhs_number(" 943 476-5919 ") == "9434765919"


@pytest.mark.parametrize(
    ("typed", "stored"), [("me14 1xx", "ME14 1XX"), ("CT11AA", "CT1 1AA"), (" sw1a  1aa ", "SW1A 1AA")]
)
def test_postcodes_are_normalised(typed, stored):
    assert rules.normalise_postcode(typed) == stored
    rules.validate_postcode(stored)


@pytest.mark.parametrize("value", ["ME14", "12345", "ME14 1X", "M1 1AAA", "Q"])
def test_a_malformed_postcode_is_refused(value):
    with pytest.raises(ValidationError, match="postcode"):
        rules.validate_postcode(value)


def test_age_counts_whole_years_up_to_the_day_before_the_birthday():
    assert rules.age_on(D(2010, 6, 15), D(2026, 6, 14)) == 15
    assert rules.age_on(D(2010, 6, 15), D(2026, 6, 15)) == 16


def test_a_person_aged_25_on_the_referral_date_is_accepted():
    rules.validate_age_at_referral(D(2000, 1, 2), D(2026, 1, 1))


def test_a_person_who_is_26_on_the_referral_date_is_refused_with_their_age():
    with pytest.raises(ValidationError, match="was 26 on the referral date"):
        rules.validate_age_at_referral(D(2000, 1, 1), D(2026, 1, 1))


def test_a_birth_after_the_referral_date_is_refused():
    with pytest.raises(ValidationError, match="on or before the referral date"):
        rules.validate_age_at_referral(D(2026, 2, 1), D(2026, 1, 1))


def test_the_next_review_follows_the_services_interval_for_the_rating(service):
    assert rules.next_review_due(service, "red", D(2026, 11, 2)) == D(2026, 11, 9)
    assert rules.next_review_due(service, "amber", D(2026, 11, 2)) == D(2026, 12, 2)
    service.review_days_red = 3
    assert rules.next_review_due(service, "red", D(2026, 11, 2)) == D(2026, 11, 5)


def test_a_review_is_overdue_only_after_its_due_date():
    assert not rules.is_review_overdue(D(2026, 11, 25), D(2026, 11, 25))
    assert rules.is_review_overdue(D(2026, 11, 24), D(2026, 11, 25))
    assert not rules.is_review_overdue(None, D(2026, 11, 25))


def test_an_age_band_covers_exactly_the_birthdays_of_those_ages():
    today = D(2026, 11, 25)
    earliest, latest = rules.date_of_birth_range_for_ages(16, 17, today)
    assert rules.age_on(earliest, today) == 17
    assert rules.age_on(earliest - datetime.timedelta(days=1), today) == 18
    assert rules.age_on(latest, today) == 16
    assert rules.age_on(latest + datetime.timedelta(days=1), today) == 15
