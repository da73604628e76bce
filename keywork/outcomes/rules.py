"""Rules of outcomes and system learning, named for what they decide."""

import datetime

# Goal attainment scaling: -2 much less than expected, 0 the expected outcome, +2 much more.
GOAL_SCORE_RANGE = (-2, 2)
# Family measures are each scored from 1 (worst) to 10 (best).
FAMILY_SCORE_RANGE = (1, 10)
BEHAVIOUR_SEVERITY_RANGE = (1, 5)
# The NHS financial year's quarters start in April, July, October and January.
QUARTER_START_MONTHS = (4, 7, 10, 1)


def is_quarter_start(day: datetime.date) -> bool:
    """
    >>> is_quarter_start(datetime.date(2024, 4, 1)), is_quarter_start(datetime.date(2024, 5, 1))
    (True, False)
    """
    return day.day == 1 and day.month in QUARTER_START_MONTHS


def outside(value, bounds: tuple[int, int]) -> bool:
    return value is not None and not bounds[0] <= value <= bounds[1]
