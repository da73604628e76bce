"""Financial-year quarters: Q1 is April to June, Q4 is January to March of the next calendar year."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.reporting.quarters import Quarter, recent_quarters

TODAY = datetime.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (1, datetime.date(2024, 4, 1), datetime.date(2024, 6, 30)),
        (2, datetime.date(2024, 7, 1), datetime.date(2024, 9, 30)),
        (3, datetime.date(2024, 10, 1), datetime.date(2024, 12, 31)),
        (4, datetime.date(2025, 1, 1), datetime.date(2025, 3, 31)),
    ],
)
def test_each_quarter_of_financial_year_2024_25_starts_and_ends_on_the_right_days(number, start, end):
    quarter = Quarter(2024, number)
    assert (quarter.start, quarter.end) == (start, end)


def test_q4_of_2023_24_runs_from_january_to_march_2024():
    assert Quarter(2023, 4).end == datetime.date(2024, 3, 31)
    assert Quarter(2023, 4).start == datetime.date(2024, 1, 1)


@pytest.mark.parametrize(
    ("quarter", "label", "code"),
    [
        (Quarter(2024, 3), "2024/25 Q3", "2024-Q3"),
        (Quarter(2024, 4), "2024/25 Q4", "2024-Q4"),
        (Quarter(2099, 1), "2099/00 Q1", "2099-Q1"),
    ],
)
def test_labels_name_the_financial_year_and_codes_round_trip(quarter, label, code):
    assert (quarter.label, quarter.code) == (label, code)
    assert Quarter.parse(code, datetime.date(2100, 6, 1)) == quarter


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2024, 4, 1), Quarter(2024, 1)),
        (datetime.date(2024, 6, 30), Quarter(2024, 1)),
        (datetime.date(2024, 7, 1), Quarter(2024, 2)),
        (datetime.date(2024, 12, 31), Quarter(2024, 3)),
        (datetime.date(2025, 1, 1), Quarter(2024, 4)),
        (datetime.date(2025, 3, 31), Quarter(2024, 4)),
    ],
)
def test_the_quarter_containing_a_day(day, expected):
    assert Quarter.containing(day) == expected


def test_the_quarter_before_q1_is_q4_of_the_previous_financial_year():
    assert Quarter(2025, 1).previous() == Quarter(2024, 4)
    assert Quarter(2025, 3).previous() == Quarter(2025, 2)


def test_the_code_is_case_insensitive():
    assert Quarter.parse("2024-q2", TODAY) == Quarter(2024, 2)


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("2024-Q5", "A quarter is numbered 1 to 4"),
        ("2024-Q0", "A quarter is numbered 1 to 4"),
        ("nonsense", "Give a quarter like 2024-Q2"),
        ("2024-Q", "Give a quarter like 2024-Q2"),
        ("", "Give a quarter like 2024-Q2"),
        ("2024-Q2-Q3", "Give a quarter like 2024-Q2"),
        ("2026-Q4", "2026/27 Q4 has not started yet"),
        ("2027-Q1", "2027/28 Q1 has not started yet"),
    ],
)
def test_a_malformed_or_future_quarter_is_refused_with_a_message_on_the_quarter_field(code, message):
    with pytest.raises(ValidationError) as refused:
        Quarter.parse(code, TODAY)
    assert message in refused.value.message_dict["quarter"][0]


def test_the_current_quarter_may_be_chosen_because_it_has_started():
    assert Quarter.parse("2026-Q3", TODAY) == Quarter(2026, 3)
    assert Quarter.parse("2026-Q3", datetime.date(2026, 10, 1)) == Quarter(2026, 3)
    with pytest.raises(ValidationError):
        Quarter.parse("2026-Q3", datetime.date(2026, 9, 30))


@pytest.mark.parametrize("code", ["99999-Q1", "0-Q1", "9999-Q4"])
def test_a_year_outside_the_calendar_is_refused_as_a_field_error_not_a_crash(code):
    # date(99999, 4, 1) raises ValueError outside parse's try block: the page answers 500.
    with pytest.raises(ValidationError) as refused:
        Quarter.parse(code, TODAY)
    assert "quarter" in refused.value.message_dict


def test_recent_quarters_run_newest_first_from_the_current_one_back_to_the_first_day():
    quarters = recent_quarters(datetime.date(2025, 12, 31), TODAY)
    labels = [quarter.label for quarter in quarters]
    assert labels == ["2026/27 Q3", "2026/27 Q2", "2026/27 Q1", "2025/26 Q4", "2025/26 Q3"]
