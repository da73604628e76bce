"""XmR charts (NHS England "Making Data Count"): mean, moving-range mean, limits at ±2.66 × MR̄,
special cause for a point outside the limits or a run of 7 on one side of the mean."""

import pytest

from keywork.reporting import charts
from keywork.reporting.spc import xmr


def test_a_worked_example_with_a_point_above_the_upper_limit():
    values = [20, 22, 21, 23, 22, 45]
    # By hand: mean = 153 / 6 = 25.5; moving ranges 2, 1, 2, 1, 23 → MR̄ = 29 / 5 = 5.8;
    # limits 25.5 ± 2.66 × 5.8 = 25.5 ± 15.428 → 10.072 and 40.928. 45 is above; the five
    # points below the mean are a run of 5, not a shift.
    chart = xmr(values)
    assert chart.mean == pytest.approx(25.5)
    assert chart.upper == pytest.approx(40.928)
    assert chart.lower == pytest.approx(10.072)
    assert chart.special == {5}
    assert chart.values == values


def test_a_worked_example_with_a_point_below_the_lower_limit():
    values = [30, 31, 29, 30, 31, 5]
    # mean 156 / 6 = 26; MR̄ = (1 + 2 + 1 + 1 + 26) / 5 = 6.2; lower = 26 − 16.492 = 9.508.
    chart = xmr(values)
    assert (chart.mean, chart.lower, chart.upper) == pytest.approx((26, 9.508, 42.492))
    assert chart.special == {5}


def test_a_run_of_seven_above_the_mean_is_special_and_a_run_of_six_below_is_not():
    values = [5, 6, 5, 6, 5, 6, 9, 10, 9, 10, 9, 10, 9]
    # mean 99 / 13 = 7.615; MR̄ = (1 × 5 + 3 + 1 × 6) / 12 = 14 / 12 = 1.1667;
    # limits 7.615 ± 3.103 → 4.512 and 10.719: every point is inside them.
    chart = xmr(values)
    assert chart.mean == pytest.approx(99 / 13)
    assert chart.upper == pytest.approx(99 / 13 + 2.66 * 14 / 12)
    assert chart.lower == pytest.approx(99 / 13 - 2.66 * 14 / 12)
    assert all(chart.lower < value < chart.upper for value in values)
    assert chart.special == {6, 7, 8, 9, 10, 11, 12}


def test_a_run_longer_than_seven_marks_every_point_of_it():
    values = [1, 1, 1, 1, 1, 1, 1, 1, 9, 9]
    # mean 2.6: the eight 1s are below it; limits 2.6 ± 2.66 × (8 / 9) → 0.236 and 4.964,
    # so the two 9s are above the upper limit too.
    chart = xmr(values)
    assert chart.special == set(range(10))


def test_fewer_than_two_points_give_no_chart():
    assert xmr([]) is None
    assert xmr([3]) is None


def test_a_flat_series_has_no_special_cause():
    chart = xmr([4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0])
    assert (chart.mean, chart.upper, chart.lower, chart.special) == (4.0, 4.0, 4.0, set())


def test_the_chart_rings_each_special_point_and_draws_the_limits():
    chart = xmr([20, 22, 21, 23, 22, 45])
    svg = charts.spc_chart("In hospital", "inpatients", ["Apr", "May", "Jun", "Jul", "Aug", "Sep"], chart)
    assert svg.count("<circle") == 1 and "Special cause: Sep" in svg
    assert "Upper limit: 40.9" in svg and "Lower limit: 10.1" in svg and "Mean: 25.5" in svg
