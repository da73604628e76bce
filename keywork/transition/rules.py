"""Preparing-for-adulthood age rules, each named for what it decides, for the work lists and the
person's record. Ages are counted as `register.rules.age_on` counts them: someone born on 29
February (or on a 31st) reaches an age on the 1st of the next month when that month has no such day.

The ages come from the service's scope (NHS Long Term Plan: keyworkers for ages 0 to 25), the SEND
Code of Practice (8.3: preparing for adulthood from year 9, age 14) and the Mental Capacity Act 2005
(from 16, and at 18 consent is the young person's own or a best-interests decision)."""

import calendar
import datetime

TRANSITION_PLAN_FROM = (14, 0)  # SEND Code of Practice 8.9: from year 9
ADULT_SERVICES_REFERRAL_FROM = (17, 6)  # six months before adult services take over at 18
CONSENT_RECHECK_AT = (18, 0)
ENDING_PROPOSED_FROM = (25, 6)  # six months' notice of keywork ending
KEYWORK_ENDS_AT = (26, 0)  # the service ends at the 26th birthday


def reaches(date_of_birth: datetime.date, age: tuple[int, int]) -> datetime.date:
    """The day someone born on `date_of_birth` reaches `age` (years, months).

    >>> reaches(datetime.date(2008, 5, 10), (18, 0))
    datetime.date(2026, 5, 10)
    >>> reaches(datetime.date(2008, 2, 29), (18, 0))
    datetime.date(2026, 3, 1)
    >>> reaches(datetime.date(2008, 2, 29), (16, 0))
    datetime.date(2024, 2, 29)
    >>> reaches(datetime.date(2008, 8, 31), (17, 6))
    datetime.date(2026, 3, 1)
    >>> reaches(datetime.date(2000, 2, 29), (25, 6))
    datetime.date(2025, 8, 29)
    """
    years, months = age
    year, month = divmod(date_of_birth.year * 12 + date_of_birth.month - 1 + years * 12 + months, 12)
    month += 1
    if date_of_birth.day > calendar.monthrange(year, month)[1]:
        year, month = divmod(year * 12 + month, 12)  # no such day: the 1st of the next month
        return datetime.date(year, month + 1, 1)
    return datetime.date(year, month, date_of_birth.day)


def born_by(today: datetime.date, age: tuple[int, int]) -> datetime.date:
    """The latest date of birth of someone who has reached `age` by `today`, for filtering people.

    >>> born_by(datetime.date(2026, 2, 28), (18, 0))  # born 29 February 2008: not 18 until 1 March
    datetime.date(2008, 2, 28)
    >>> born_by(datetime.date(2026, 3, 1), (18, 0))
    datetime.date(2008, 3, 1)
    >>> born_by(datetime.date(2028, 2, 29), (18, 0))
    datetime.date(2010, 2, 28)
    >>> born_by(datetime.date(2026, 8, 31), (17, 6))
    datetime.date(2009, 2, 28)
    """
    years, months = age
    year, month = divmod(today.year * 12 + today.month - 1 - years * 12 - months, 12)
    return datetime.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))


def has_reached(date_of_birth: datetime.date, age: tuple[int, int], today: datetime.date) -> bool:
    """Whether someone born on `date_of_birth` has reached `age` by `today`.

    >>> has_reached(datetime.date(2000, 2, 29), KEYWORK_ENDS_AT, datetime.date(2026, 2, 28))
    False
    >>> has_reached(datetime.date(2000, 2, 29), KEYWORK_ENDS_AT, datetime.date(2026, 3, 1))
    True
    """
    return reaches(date_of_birth, age) <= today


def consent_rechecked(date_of_birth: datetime.date, latest_adult_consent_on: datetime.date | None) -> bool:
    """At 18 consent is re-checked: a consent given by the young person, or a best-interests decision
    under the Mental Capacity Act 2005, recorded on or after the 18th birthday.

    >>> consent_rechecked(datetime.date(2008, 2, 29), datetime.date(2026, 2, 28))
    False
    >>> consent_rechecked(datetime.date(2008, 2, 29), datetime.date(2026, 3, 1))
    True
    >>> consent_rechecked(datetime.date(2008, 2, 29), None)
    False
    """
    return latest_adult_consent_on is not None and latest_adult_consent_on >= reaches(date_of_birth, CONSENT_RECHECK_AT)
