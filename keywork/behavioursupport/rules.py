"""Behaviour support rules, each a named function the models, pages and API share.

Positive Behaviour Support plans follow NICE NG11 (challenging behaviour and learning
disabilities, 1.5: behaviour support plans, reviewed at least every year, sooner after an incident
that changed things); restrictive practices follow 'Positive and proactive care' (Department of
Health, 2014): each use is recorded with what was used and for how long, and chemical restraint
includes medication given as needed (PRN) to manage behaviour.
"""

import datetime

from keywork.behavioursupport.choices import Practice

SEVERITY_RANGE = (1, 5)
# The longest a single restrictive practice may be recorded for in one incident: a day. Longer
# seclusion or segregation is a placement's long-term segregation, recorded by the hospital.
LONGEST_MINUTES = 24 * 60
# What 'recent' incidents on the person's record means.
RECENT_DAYS = 90


def practices_without_a_duration(used: dict[str, int | None]) -> list[str]:
    """The restrictive practices used (practice → minutes) whose duration is missing: every use is
    recorded with how long it lasted.

    >>> practices_without_a_duration({"physical": 5, "seclusion": None})
    ['seclusion']
    >>> practices_without_a_duration({})
    []
    """
    return [practice for practice, minutes in used.items() if minutes is None]


def duration_is_possible(minutes: int) -> bool:
    """From a minute to a day.

    >>> duration_is_possible(0), duration_is_possible(1), duration_is_possible(1440), duration_is_possible(1441)
    (False, True, True, False)
    """
    return 1 <= minutes <= LONGEST_MINUTES


def prn_is_chemical_restraint(prn_given: bool, practices: set[str]) -> bool:
    """Medication given as needed (PRN) to manage behaviour is chemical restraint: an incident with
    PRN given must record chemical restraint among its practices.

    >>> prn_is_chemical_restraint(True, {"physical"})
    False
    >>> prn_is_chemical_restraint(True, {"chemical"}), prn_is_chemical_restraint(False, set())
    (True, True)
    """
    return not prn_given or Practice.CHEMICAL in practices


def is_not_in_the_future(moment: datetime.datetime, now: datetime.datetime) -> bool:
    """An incident is recorded after it happened.

    >>> now = datetime.datetime(2026, 12, 2, 9, 0)
    >>> is_not_in_the_future(now, now), is_not_in_the_future(now + datetime.timedelta(minutes=1), now)
    (True, False)
    """
    return moment <= now


def is_review_overdue(review_on: datetime.date, today: datetime.date) -> bool:
    """A plan is overdue for review from the day after its review date.

    >>> is_review_overdue(datetime.date(2026, 12, 2), datetime.date(2026, 12, 2))
    False
    >>> is_review_overdue(datetime.date(2026, 12, 1), datetime.date(2026, 12, 2))
    True
    """
    return review_on < today


def week_starting(day: datetime.date) -> datetime.date:
    """The Monday of the week `day` is in: incidents are counted by the weeks the weekly behaviour
    records use.

    >>> week_starting(datetime.date(2026, 12, 2)), week_starting(datetime.date(2026, 11, 30))
    (datetime.date(2026, 11, 30), datetime.date(2026, 11, 30))
    """
    return day - datetime.timedelta(days=day.weekday())
