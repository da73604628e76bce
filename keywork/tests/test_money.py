"""Money in pence and the NHS financial year, April to March."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.money import (
    financial_year_label,
    financial_year_months,
    financial_year_of,
    pence_from_text,
    pounds,
)

D = datetime.date


def test_31_march_is_the_last_day_of_the_financial_year_that_started_the_april_before():
    assert financial_year_of(D(2026, 3, 31)) == 2025


def test_1_april_starts_a_new_financial_year():
    assert financial_year_of(D(2026, 4, 1)) == 2026


def test_january_belongs_to_the_year_that_started_the_april_before():
    assert financial_year_of(D(2027, 1, 15)) == 2026


def test_a_financial_year_is_labelled_with_both_years():
    assert [financial_year_label(2025), financial_year_label(1999)] == ["2025/26", "1999/00"]


def test_the_months_of_a_financial_year_run_from_april_to_the_next_march():
    months = financial_year_months(2025)
    assert len(months) == 12
    assert (months[0], months[8], months[9], months[11]) == (
        D(2025, 4, 1),
        D(2025, 12, 1),
        D(2026, 1, 1),
        D(2026, 3, 1),
    )


def test_pence_are_shown_as_pounds_with_thousands_separated():
    assert pounds(123_450) == "£1,234.50"


def test_a_refund_is_shown_with_a_minus_sign_before_the_pound():
    assert pounds(-15_926_305) == "\u2212£159,263.05"


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("£1,234.50", 123_450),
        ("1234.5", 123_450),
        ("  1,000.00 ", 100_000),
        ("0.01", 1),
        ("12", 1_200),
        ("-120.00", -12_000),
        ("-£120", -12_000),
    ],
)
def test_an_amount_in_pounds_is_read_as_whole_pence(text, pence):
    assert pence_from_text(text) == pence


def test_an_amount_with_a_fraction_of_a_penny_is_refused():
    with pytest.raises(ValidationError, match="at most two decimal places"):
        pence_from_text("12.345")


@pytest.mark.parametrize("text", ["", "twelve pounds", "1 000", "£", "12.34.56"])
def test_text_that_is_not_an_amount_is_refused_with_an_example(text):
    with pytest.raises(ValidationError, match="like 1,250.00"):
        pence_from_text(text)


@pytest.mark.parametrize("text", ["Infinity", "1e100"])
def test_text_that_python_reads_as_a_number_but_is_no_amount_is_refused_with_a_message(text):
    # decimal.Decimal accepts these; quantize() then raises InvalidOperation, not ValidationError.
    with pytest.raises(ValidationError):
        pence_from_text(text)
