"""The census chart: a bar a month on a scale from 0, the target as a labelled line, and a key
saying which bars are over it."""

import datetime
import re

from keywork.inpatient.census import CensusMonth
from keywork.inpatient.charts import census_chart


def month(first: datetime.date, count: int) -> CensusMonth:
    return CensusMonth(first, first, count, {}, None, target=6)


MONTHS = [
    month(datetime.date(2026, number, 1), count)
    for number, count in zip(range(1, 13), [9, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2, 3], strict=True)
]


def test_the_census_chart_has_a_scale_a_labelled_target_and_a_key():
    svg = census_chart(MONTHS, suppressed=False)
    wide = svg[: svg.index("</svg>")]
    assert re.findall(r'text-anchor="end">(\d+)</text>', wide) == ["0", "2", "4", "6", "8", "10"]
    assert wide.count("<rect") == 12 and "Target 6</text>" in wide
    assert wide.count('<rect class="keywork-chart--red"') == 3  # 9, 8 and 7 are over 6
    assert "Dec 26</text>" in wide
    assert ">Within the target</li>" in svg and ">Over the target</li>" in svg and ">Target</li>" in svg


def test_no_chart_where_small_numbers_are_hidden():
    assert census_chart(MONTHS, suppressed=True) == ""
