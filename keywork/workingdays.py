"""Working days in England and Wales: weekdays that are not bank holidays.

Bank holidays follow the Banking and Financial Dealings Act 1971 and the royal proclamations that
moved or added days (listed below); computed, so no calendar needs downloading.
"""

import datetime
from functools import cache

# Days added or moved by proclamation (GOV.UK bank holidays list).
MOVED_OR_ADDED = {
    2020: {"moved": {datetime.date(2020, 5, 4): datetime.date(2020, 5, 8)}},  # VE Day 75
    2022: {
        "moved": {datetime.date(2022, 5, 30): datetime.date(2022, 6, 2)},  # Platinum Jubilee
        "added": [datetime.date(2022, 6, 3), datetime.date(2022, 9, 19)],  # Jubilee; Queen's state funeral
    },
    2023: {"added": [datetime.date(2023, 5, 8)]},  # Coronation of King Charles III
}


def easter_sunday(year: int) -> datetime.date:
    """Anonymous Gregorian computus.

    >>> easter_sunday(2024), easter_sunday(2026)
    (datetime.date(2024, 3, 31), datetime.date(2026, 4, 5))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return datetime.date(year, month, day)


def _first_monday(year: int, month: int) -> datetime.date:
    day = datetime.date(year, month, 1)
    return day + datetime.timedelta(days=(7 - day.weekday()) % 7)


def _last_monday(year: int, month: int) -> datetime.date:
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=last.weekday())


def _substitute(day: datetime.date, taken: set) -> datetime.date:
    """A holiday on a weekend (or on another holiday) moves to the next free weekday."""
    while day.weekday() >= 5 or day in taken:
        day += datetime.timedelta(days=1)
    return day


@cache
def bank_holidays(year: int) -> frozenset[datetime.date]:
    """
    >>> sorted(bank_holidays(2026))[:3]
    [datetime.date(2026, 1, 1), datetime.date(2026, 4, 3), datetime.date(2026, 4, 6)]
    >>> datetime.date(2022, 12, 27) in bank_holidays(2022)  # Christmas fell on a Sunday
    True
    """
    easter = easter_sunday(year)
    days = {
        _substitute(datetime.date(year, 1, 1), set()),
        easter - datetime.timedelta(days=2),
        easter + datetime.timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
    }
    christmas = _substitute(datetime.date(year, 12, 25), set())
    boxing_day = _substitute(datetime.date(year, 12, 26), {christmas})
    days |= {christmas, boxing_day}
    changes = MOVED_OR_ADDED.get(year, {})
    for old, new in changes.get("moved", {}).items():
        days = (days - {old}) | {new}
    days |= set(changes.get("added", []))
    return frozenset(days)


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
