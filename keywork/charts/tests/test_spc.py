"""XmR charts (NHS England "Making Data Count"): each rule against a series worked by hand, with the
points it should flag written out; limits recalculated from a step change; the icons in words."""

import pytest

from keywork.charts.spc import Rule, xmr
from keywork.charts.spc_chart import assurance, variation


def flagged(chart, rule) -> dict[int, int]:
    """The points a rule flags, and which way (+1 high or rising, -1 low or falling)."""
    return {index: signals[rule] for index, signals in chart.signals.items() if rule in signals}


def test_a_point_above_the_upper_limit_is_special_cause():
    values = [20, 22, 21, 23, 22, 45]
    # By hand: mean = 153 / 6 = 25.5; moving ranges 2, 1, 2, 1, 23 → MR̄ = 29 / 5 = 5.8;
    # limits 25.5 ± 2.66 × 5.8 = 25.5 ± 15.428 → 10.072 and 40.928: 45 is above. The outer thirds
    # start at 25.5 ± 10.285 (35.785, 15.215): only 45 is there, alone. The five points below the
    # mean are a run of 5, not a shift; no six steps go the same way.
    chart = xmr(values)
    segment = chart.latest
    assert (segment.mean, segment.upper, segment.lower) == pytest.approx((25.5, 40.928, 10.072))
    assert chart.signals == {5: {Rule.OUTSIDE_LIMITS: 1}}


def test_a_point_below_the_lower_limit_is_special_cause():
    values = [30, 31, 29, 30, 31, 5]
    # mean 156 / 6 = 26; MR̄ = (1 + 2 + 1 + 1 + 26) / 5 = 6.2; limits 26 ± 16.492 → 9.508 and 42.492.
    chart = xmr(values)
    assert (chart.latest.mean, chart.latest.lower, chart.latest.upper) == pytest.approx((26, 9.508, 42.492))
    assert flagged(chart, Rule.OUTSIDE_LIMITS) == {5: -1}


def test_a_run_of_seven_below_the_mean_is_a_shift_and_a_run_of_six_above_is_not():
    values = [3, 4, 3, 4, 3, 4, 3, 6, 7, 6, 7, 6, 7, 4]
    # mean 67 / 14 = 4.786; moving ranges 1 × 6, 3, 1 × 5, 3 → MR̄ = 17 / 13 = 1.308; limits
    # 4.786 ± 3.478 → 1.308 and 8.264; outer thirds beyond 7.105 and 2.467: no point is there.
    # Points 0–6 are below the mean (a run of 7); 7–12 above (a run of 6); 13 below.
    chart = xmr(values)
    assert chart.latest.mean == pytest.approx(67 / 14)
    assert chart.latest.upper == pytest.approx(67 / 14 + 2.66 * 17 / 13)
    assert chart.signals == {index: {Rule.SHIFT: -1} for index in range(7)}


def test_a_point_on_the_mean_ends_a_run():
    values = [1, 1, 1, 2, 1, 1, 1, 3, 3, 3, 2, 3, 3, 3]
    # mean 28 / 14 = 2: the 2s at points 3 and 10 are on it, so the 1s are two runs of 3, not one
    # of 7, and the 3s likewise.
    assert flagged(xmr(values), Rule.SHIFT) == {}


def test_seven_rising_points_are_a_trend_and_six_are_not():
    values = [5, 6, 7, 8, 9, 10, 11, 3, 4, 5, 6, 7, 8, 8]
    # Points 0–6 rise six times in a row (a trend of 7); 7–12 rise five times (6 points); the
    # repeated 8 ends that run.
    assert flagged(xmr(values), Rule.TREND) == dict.fromkeys(range(7), 1)


def test_seven_falling_points_are_a_trend():
    assert flagged(xmr([9, 8, 7, 6, 5, 4, 3]), Rule.TREND) == dict.fromkeys(range(7), -1)


def test_a_repeated_value_ends_a_trend():
    assert flagged(xmr([1, 2, 3, 3, 4, 5, 6, 7]), Rule.TREND) == {}


def test_two_of_three_points_in_the_outer_third_are_special_cause():
    values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 15, 11, 15, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11]
    # mean 250 / 24 = 10.417; moving ranges 2 × 10, 6, 4, 4, 6, 2 × 9 → MR̄ = 58 / 23 = 2.522;
    # limits 10.417 ± 6.708 → 3.709 and 17.124; the upper outer third starts at 10.417 + 4.472 =
    # 14.889. Points 11 and 13 (15 each) are 2 of the 3 points 11–13 there, inside the limits.
    chart = xmr(values)
    assert chart.latest.upper == pytest.approx(250 / 24 + 2.66 * 58 / 23)
    assert chart.signals == {11: {Rule.NEAR_LIMIT: 1}, 13: {Rule.NEAR_LIMIT: 1}}


def test_two_points_near_opposite_limits_are_not_special_cause():
    values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11, 9, 15, 11, 5, 9, 11, 9, 11, 9, 11, 9, 11, 9, 11]
    # mean 240 / 24 = 10; MR̄ = 58 / 23 again; outer thirds beyond 14.472 and 5.528: 15 is near the
    # upper limit and 5 the lower, one each side, so no side has 2 of 3.
    assert xmr(values).signals == {}


def test_limits_recalculated_from_a_step_change_give_each_segment_its_own():
    values = [20, 22, 21, 23, 22, 21, 20, 22, 5, 6, 4, 5, 6, 5, 4, 6]
    # One set of limits: mean 212 / 16 = 13.25, the first 8 above it and the last 8 below (shifts).
    assert xmr(values).special == set(range(16))
    # From point 8: before, mean 171 / 8 = 21.375, MR̄ = 10 / 7, limits 21.375 ± 3.8; after,
    # mean 41 / 8 = 5.125, MR̄ = 9 / 7, limits 5.125 ± 3.42. Neither has a signal.
    chart = xmr(values, recalculate_from=8)
    before, after = chart.segments
    assert (before.start, before.stop, after.start, after.stop) == (0, 8, 8, 16)
    assert (before.mean, before.upper) == pytest.approx((21.375, 21.375 + 2.66 * 10 / 7))
    assert (after.mean, after.lower) == pytest.approx((5.125, 5.125 - 2.66 * 9 / 7))
    assert chart.special == set()
    assert chart.segment_of(3) == before and chart.segment_of(8) == after


def test_a_recalculation_leaving_fewer_than_two_points_on_a_side_is_ignored():
    assert len(xmr([4, 5, 6, 5], recalculate_from=3).segments) == 1


def test_missing_months_are_skipped():
    chart = xmr([4, None, 6, 5])
    # Moving ranges between the points there are: 2 and 1 → MR̄ 1.5; mean 15 / 3 = 5.
    assert (chart.latest.mean, chart.latest.upper) == pytest.approx((5, 5 + 2.66 * 1.5))


def test_fewer_than_two_points_give_no_chart():
    assert xmr([]) is None
    assert xmr([3]) is None
    assert xmr([3, None]) is None


def test_a_flat_series_has_no_special_cause():
    chart = xmr([4.0] * 8)
    assert (chart.latest.mean, chart.latest.upper, chart.latest.lower, chart.special) == (4.0, 4.0, 4.0, set())


@pytest.mark.parametrize(
    ("improvement", "kind", "name"),
    [
        ("lower", "concerning", "Special cause concern"),
        ("higher", "improving", "Special cause improvement"),
        (None, "neither", "Special cause variation"),
    ],
)
def test_a_high_point_is_improvement_or_concern_by_which_direction_is_better(improvement, kind, name):
    chart = xmr([20, 22, 21, 23, 22, 45], improvement=improvement)
    assert chart.kind(5) == kind and chart.kind(0) == "common"
    assert variation(chart).name == name


def test_the_latest_point_within_the_limits_is_common_cause():
    assert variation(xmr([20, 22, 21, 23, 22, 45, 21], improvement="lower")).name == "Common cause variation"


@pytest.mark.parametrize(
    ("improvement", "target", "name"),
    [
        # Mean 5.125, limits 1.705 to 8.545 (from the second segment above).
        ("lower", 10, "Consistently meets the target"),
        ("lower", 1, "Consistently misses the target"),
        ("lower", 5, "Hit and miss"),
        ("higher", 1, "Consistently meets the target"),
        ("higher", 10, "Consistently misses the target"),
        ("higher", 5, "Hit and miss"),
    ],
)
def test_assurance_says_whether_the_limits_meet_the_target(improvement, target, name):
    chart = xmr([5, 6, 4, 5, 6, 5, 4, 6], improvement=improvement, target=target)
    assert assurance(chart).name == name


def test_no_assurance_without_a_target():
    assert assurance(xmr([5, 6, 4, 5], improvement="lower")) is None
