"""Actual against budget, worked by hand.

Financial year 2025/26, on 15 July 2025 (four months gone: April to July):
  Practice Consultants: £10,000 a month. Spent £9,500, £10,000, £11,000, then £14,000 less a
  £500 refund in July: £44,000 against £40,000 to date, £4,000 (10.0%) over. An invoice dated
  1 August is not yet to date. Forecast: £44,000 + 8 × £10,000 = £124,000.
  Training: £3,000 in June, September and December, £1,000 in March (£10,000 a year). Spent
  £2,400 in June: £600 (20.0%) under. Forecast: £2,400 + £7,000 = £9,400.
  Together: £43,000 budgeted to date, £46,400 spent, £3,400 over (7.9%), forecast £133,400.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.programme.budget_report import budget_report, months_elapsed, variance_percent
from keywork.programme.models import Expenditure, Funding

D = datetime.date
ON = D(2025, 7, 15)
TRAINING_PROFILE = [0, 0, 300_000, 0, 0, 300_000, 0, 0, 300_000, 0, 0, 100_000]


@pytest.fixture
def staff(service, make_line, spend):
    line = make_line(service, 2025)
    spend(line, D(2025, 4, 30), 950_000)
    spend(line, D(2025, 5, 31), 1_000_000)
    spend(line, D(2025, 6, 30), 1_100_000)
    spend(line, D(2025, 7, 1), 1_400_000)
    spend(line, D(2025, 7, 10), -50_000, payee="Refund: agency overcharge")
    spend(line, D(2025, 8, 1), 500_000)
    return line


@pytest.fixture
def training(service, make_line, spend):
    line = make_line(service, 2025, TRAINING_PROFILE, name="Training", category="training")
    spend(line, D(2025, 6, 12), 240_000)
    return line


def line_report(report, line):
    (found,) = [r for r in report.lines if r.line == line]
    return found


def test_april_to_july_is_four_months_of_the_year(service):
    assert months_elapsed(2025, ON) == 4


def test_on_31_march_the_whole_year_has_gone_and_on_1_april_one_month_of_the_next(service):
    assert (months_elapsed(2025, D(2026, 3, 31)), months_elapsed(2026, D(2026, 3, 31))) == (12, 0)
    assert (months_elapsed(2025, D(2026, 4, 1)), months_elapsed(2026, D(2026, 4, 1))) == (12, 1)


def test_the_budget_to_date_is_the_profile_of_the_months_gone(service, staff, training):
    report = budget_report(service, 2025, ON)
    assert (line_report(report, staff).budget_to_date, line_report(report, training).budget_to_date) == (
        4_000_000,
        300_000,
    )


def test_spending_to_date_counts_refunds_and_leaves_out_later_months(service, staff):
    staff_report = line_report(budget_report(service, 2025, ON), staff)
    assert staff_report.actual_to_date == 4_400_000
    assert staff_report.monthly_actual[:5] == [950_000, 1_000_000, 1_100_000, 1_350_000, 500_000]


def test_an_overspend_is_a_positive_variance_in_pence_and_per_cent(service, staff):
    staff_report = line_report(budget_report(service, 2025, ON), staff)
    assert (staff_report.variance, staff_report.variance_percent) == (400_000, 10.0)


def test_an_underspend_is_a_negative_variance(service, training):
    training_report = line_report(budget_report(service, 2025, ON), training)
    assert (training_report.variance, training_report.variance_percent) == (-60_000, -20.0)


def test_the_forecast_is_spending_to_date_plus_the_profile_still_to_come(service, staff, training):
    report = budget_report(service, 2025, ON)
    assert (line_report(report, staff).forecast, line_report(report, training).forecast) == (12_400_000, 940_000)


def test_the_totals_add_the_lines(service, staff, training):
    report = budget_report(service, 2025, ON)
    assert (report.budget, report.budget_to_date, report.actual_to_date, report.forecast) == (
        13_000_000,
        4_300_000,
        4_640_000,
        13_340_000,
    )
    assert (report.variance, report.variance_percent) == (340_000, 7.9)


def test_a_variance_beyond_the_services_tolerance_is_flagged_both_ways(service, staff, training):
    report = budget_report(service, 2025, ON)
    assert service.budget_tolerance_percent == 5
    assert line_report(report, staff).outside_tolerance and line_report(report, training).outside_tolerance


def test_a_variance_exactly_at_the_tolerance_is_not_flagged(service, staff):
    service.budget_tolerance_percent = 10
    assert not line_report(budget_report(service, 2025, ON), staff).outside_tolerance


def test_a_variance_just_over_a_wider_tolerance_is_flagged(service, staff, spend):
    service.budget_tolerance_percent = 10
    spend(staff, D(2025, 7, 14), 4_000)  # £4,040 over £40,000: 10.1%
    staff_report = line_report(budget_report(service, 2025, ON), staff)
    assert (staff_report.variance_percent, staff_report.outside_tolerance) == (10.1, True)


def test_before_the_year_starts_nothing_is_due_the_variance_has_no_per_cent_and_nothing_is_flagged(service, staff):
    staff_report = line_report(budget_report(service, 2025, D(2025, 3, 31)), staff)
    assert (staff_report.budget_to_date, staff_report.actual_to_date, staff_report.forecast) == (0, 0, 12_000_000)
    assert staff_report.variance_percent is None and not staff_report.outside_tolerance


def test_spending_on_31_march_is_in_the_last_month_and_counts_once_the_year_has_ended(service, make_line, spend):
    line = make_line(service, 2025)
    spend(line, D(2026, 3, 31), 700_000)
    report = budget_report(service, 2025, D(2026, 4, 1))
    assert line_report(report, line).monthly_actual[11] == 700_000
    assert line_report(report, line).actual_to_date == 700_000


def test_variance_per_cent_is_rounded_to_one_place():
    assert (variance_percent(10_001, 30_000), variance_percent(5, 0)) == (-66.7, None)


def test_funding_for_the_year_adds_every_source(service, other_service):
    Funding.objects.create(service=service, financial_year=2025, source="NHS England via the ICB", amount_pence=9_000)
    Funding.objects.create(service=service, financial_year=2025, source="Kent County Council", amount_pence=1_000)
    Funding.objects.create(service=service, financial_year=2024, source="NHS England via the ICB", amount_pence=500)
    Funding.objects.create(service=other_service, financial_year=2025, source="Another ICB", amount_pence=700)
    assert budget_report(service, 2025, ON).funding == 10_000


def test_another_services_lines_and_spending_are_left_out(service, other_service, staff, make_line, spend):
    theirs = make_line(other_service, 2025)
    spend(theirs, D(2025, 5, 1), 9_999_999)
    report = budget_report(service, 2025, ON)
    assert [r.line for r in report.lines] == [staff] and report.actual_to_date == 4_400_000


def test_the_report_runs_three_queries_however_many_lines_and_entries(service, staff, training, make_line, spend):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(5):
        spend(make_line(service, 2025, name=f"Extra {n}"), D(2025, 5, 2), 100)
    with CaptureQueriesContext(connection) as queries:
        budget_report(service, 2025, ON)
    assert len(queries) == 3


# The rules on the records ------------------------------------------------------------------------


def test_a_negative_amount_in_the_monthly_profile_is_refused(service, make_line):
    line = make_line(service, 2025)
    line.monthly_profile_pence[3] = -1
    with pytest.raises(ValidationError) as refused:
        line.full_clean()
    assert refused.value.message_dict == {"monthly_profile_pence": ["Budget amounts cannot be negative"]}


@pytest.mark.parametrize("profile", [[100] * 11, [100] * 13, [100.5] * 12, "1200"])
def test_a_profile_that_is_not_twelve_whole_pence_amounts_is_refused(service, make_line, profile):
    line = make_line(service, 2025)
    line.monthly_profile_pence = profile
    with pytest.raises(ValidationError) as refused:
        line.full_clean()
    assert "twelve monthly amounts" in refused.value.message_dict["monthly_profile_pence"][0]


def test_the_annual_budget_is_the_sum_of_the_profile(service, make_line):
    assert make_line(service, 2025, TRAINING_PROFILE).annual_pence == 1_000_000


def expenditure(line, user, on, pence=10_000):
    return Expenditure(line=line, spent_on=on, amount_pence=pence, payee="Supplier", recorded_by=user)


def test_expenditure_dated_after_31_march_is_refused_for_that_years_line(service, make_line, lead_user):
    entry = expenditure(make_line(service, 2025), lead_user, D(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert refused.value.message_dict == {
        "spent_on": ["This line is for 2025/26: the date falls in 2026/27"],
    }


def test_expenditure_dated_before_1_april_is_refused_for_that_years_line(service, make_line, lead_user):
    entry = expenditure(make_line(service, 2025), lead_user, D(2025, 3, 31))
    with pytest.raises(ValidationError) as refused:
        entry.full_clean()
    assert "the date falls in 2024/25" in refused.value.message_dict["spent_on"][0]


def accepted(entry) -> Expenditure:
    """Checked as the pages and the API check it, then saved."""
    entry.full_clean()
    entry.save()
    return entry


def test_expenditure_on_the_first_and_last_days_of_the_year_is_accepted(service, make_line, lead_user):
    line = make_line(service, 2025)
    accepted(expenditure(line, lead_user, D(2025, 4, 1), pence=10_000))
    accepted(expenditure(line, lead_user, D(2026, 3, 31), pence=20_000))

    monthly = line_report(budget_report(service, 2025, D(2026, 4, 1)), line).monthly_actual
    assert (monthly[0], monthly[-1], sum(monthly)) == (10_000, 20_000, 30_000)


def test_a_zero_expenditure_is_refused(service, make_line, lead_user):
    with pytest.raises(ValidationError) as refused:
        expenditure(make_line(service, 2025), lead_user, D(2025, 6, 1), pence=0).full_clean()
    assert refused.value.message_dict == {"amount_pence": ["Enter an amount other than zero"]}


def test_a_negative_expenditure_is_a_refund_and_accepted(service, make_line, spend, lead_user):
    line = make_line(service, 2025)
    spend(line, D(2025, 6, 1), 50_000)
    accepted(expenditure(line, lead_user, D(2025, 6, 1), pence=-12_000))

    assert line_report(budget_report(service, 2025, ON), line).actual_to_date == 38_000
