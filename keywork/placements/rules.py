"""Placement rules, each a plain function named for what it decides, called by the models' clean()
and by anything weighing risk (a placement breakdown is a risk factor for admission: NHS England's
Dynamic Support Register guidance lists family or placement breakdown among them)."""

import calendar
import datetime


def ends_after_start(errors: dict, starts_on, ends_on) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        errors.setdefault("ends_on", "The date it ended must be on or after the date it started")


def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` earlier (the month's last day where it has no such day).

    >>> months_before(datetime.date(2026, 5, 31), 3)
    datetime.date(2026, 2, 28)
    """
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def placement_breakdown_within(person, months: int, today: datetime.date) -> bool:
    """Whether the person's placement broke down in the last `months` months (a risk factor)."""
    return latest_breakdown_within(person, months, today) is not None


def latest_breakdown_within(person, months: int, today: datetime.date):
    """The person's latest placement breakdown in the last `months` months, or None."""
    since = months_before(today, months)
    breakdowns = person.placement_breakdowns.filter(occurred_on__gt=since, occurred_on__lte=today)
    return breakdowns.order_by("-occurred_on", "-id").first()
