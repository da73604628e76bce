"""The behaviours-of-concern chart: a point a week from the first record to the last, a gap for a
week with nothing recorded, the start of keywork marked, and a key."""

import datetime
import re

from keywork.outcomes.charts import BehaviourWeek, behaviour_chart

MONDAY = datetime.date(2026, 9, 7)


def week(weeks_after: int, times: int) -> BehaviourWeek:
    return BehaviourWeek(MONDAY + datetime.timedelta(weeks=weeks_after), times, worst_severity=2)


def test_a_week_with_nothing_recorded_is_a_gap_in_the_line():
    svg = behaviour_chart([week(0, 12), week(1, 10), week(3, 4), week(4, 3)], None, "behaviour")
    wide = svg[: svg.index("</svg>")]
    assert [len(points.split()) for points in re.findall(r'<polyline[^>]* points="([^"]*)"', wide)] == [2, 2]
    assert "Week of 21 September 2026: nothing recorded" not in wide  # no marker for the empty week
    assert wide.count("<circle") == 4


def test_the_start_of_keywork_is_marked_and_in_the_key():
    svg = behaviour_chart([week(0, 12), week(1, 10), week(2, 4)], MONDAY + datetime.timedelta(days=3), "behaviour")
    assert "Keywork began</text>" in svg and ">Start of keywork</li>" in svg
    assert ">Times each week, all behaviours together</li>" in svg
