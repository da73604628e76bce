"""Education rules, each a plain function named for what it decides, called by the models' clean()
(so pages and the API refuse the same things with the same words) and by the work lists."""

import datetime


def ends_after_start(errors: dict, starts_on, ends_on, what: str) -> None:
    """An end date, if there is one, on or after the start; `what` names the record in a sentence."""
    if starts_on and ends_on and ends_on < starts_on:
        errors.setdefault("ends_on", f"The date {what} ended must be on or after the date it started")


def periods_overlap(starts_on, ends_on, other_starts_on, other_ends_on) -> bool:
    """Whether two periods share a day; a period with no end runs on to today and beyond."""
    far = datetime.date.max
    return starts_on <= (other_ends_on or far) and other_starts_on <= (ends_on or far)


def annual_review_due_after(issued_on: datetime.date) -> datetime.date:
    """The first annual review of a plan issued on `issued_on`: SEND Code of Practice 9.166 reviews a
    plan at least every 12 months (a plan issued on 29 February is reviewed by 28 February).

    >>> annual_review_due_after(datetime.date(2028, 2, 29))
    datetime.date(2029, 2, 28)
    """
    try:
        return issued_on.replace(year=issued_on.year + 1)
    except ValueError:
        return issued_on.replace(year=issued_on.year + 1, day=28)


def annual_review_overdue(next_due: datetime.date | None, today: datetime.date) -> bool:
    """A plan's annual review is overdue once the day it was due has passed without a new due date."""
    return next_due is not None and next_due < today
