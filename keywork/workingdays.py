"""Working days in England and Wales: weekdays that are not bank holidays.

Bank holidays come from the `holidays` package, which follows the Banking and Financial Dealings
Act 1971 and the royal proclamations that move or add days; a newly proclaimed holiday arrives with
an update of the package (requirements.txt), not a change here.
"""

import datetime
from functools import cache

import holidays


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """The weekdays that are bank holidays in `year`, as GOV.UK lists them.

    The package also lists a holiday that falls at a weekend (beside its substitute weekday), but a
    weekend is never a working day, so only weekdays are kept.

    >>> sorted(bank_holidays(2026))[:3]
    [datetime.date(2026, 1, 1), datetime.date(2026, 4, 3), datetime.date(2026, 4, 6)]
    >>> datetime.date(2022, 12, 27) in bank_holidays(2022)  # Christmas fell on a Sunday
    True
    """
    # England's list, because the keyworker service is NHS England's. Wales shares it under the 1971
    # Act; the package files Wales separately with the same days, and a test checks they still agree.
    calendar = holidays.UnitedKingdom(subdiv="ENG", years=year)
    return frozenset(day for day in calendar if day.weekday() < 5)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in bank_holidays(day.year)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The date `count` working days after `start` (start itself is not counted).

    >>> add_working_days(datetime.date(2026, 4, 2), 2)  # Good Friday and Easter Monday skipped
    datetime.date(2026, 4, 8)
    """
    day = start
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day
