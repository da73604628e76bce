"""The census chart: a bar a month on a scale from 0, the target as a labelled line, and a month over
the target told apart by a triangle above its bar and the key's words, not by colour alone."""

import datetime
import re

from keywork.figures.census import CensusMonth
from keywork.figures.charts import census_chart


def month(first: datetime.date, count: int) -> CensusMonth:
    return CensusMonth(first, first, count, {}, None, target=6)


MONTHS = [
    month(datetime.date(2026, number, 1), count)
    for number, count in zip(range(1, 13), [9, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 3], strict=True)
]


def wide(svg: str) -> str:
    return svg[: svg.index("</svg>")]


def test_the_census_chart_has_a_scale_a_labelled_target_and_a_key():
    svg = census_chart(MONTHS, suppressed=False)
    assert re.findall(r'text-anchor="end">(\d+)</text>', wide(svg)) == ["0", "2", "4", "6", "8", "10"]
    assert wide(svg).count('<rect class="keywork-chart--') == 12 and "Target 6</text>" in wide(svg)
    assert "Dec 26</text>" in wide(svg)
    assert ">Within the target</li>" in svg and ">Target (6 people)</li>" in svg


def test_a_month_over_the_target_is_marked_with_a_triangle_not_only_red():
    drawn = wide(census_chart(MONTHS, suppressed=False))
    assert drawn.count('<rect class="keywork-chart--red"') == 3  # 9, 8 and 7 are over 6
    triangles = re.findall(r'keywork-chart__marker--triangle keywork-chart--red"><title>([^<]*)</title>', drawn)
    assert triangles == ["January 2026: 9 (over the target)", "February 2026: 8 (over the target)",
                         "March 2026: 7 (over the target)"]  # fmt: skip


def test_the_key_says_over_target_bars_carry_a_triangle():
    svg = census_chart(MONTHS, suppressed=False)
    key = svg[svg.index('<ul class="keywork-legend"') :]
    assert "keywork-chart__marker--triangle" in key and ">Over the target (marked with a triangle)</li>" in key


def test_the_description_says_how_over_target_bars_are_marked():
    assert "with a triangle above them" in census_chart(MONTHS, suppressed=False)


def test_no_chart_where_small_numbers_are_hidden():
    assert census_chart(MONTHS, suppressed=True) == ""
