"""Safeguarding rules, each a named function the models, pages and API share.

Statuses follow the Children Act 1989 (child protection plans, children in need, looked-after
children and care leavers are children's services' words) and the Care Act 2014 section 42 (adult
safeguarding, for people aged 18 and over).
"""

import datetime

from keywork.safeguarding.choices import ReferredTo, StatusKind

ADULT_AGE = 18
# Children's statuses: the Children Act 1989 is about children, under 18 when the status starts.
CHILDRENS_KINDS = (StatusKind.CHILD_PROTECTION_PLAN, StatusKind.CHILD_IN_NEED, StatusKind.LOOKED_AFTER)
# Shown in every member of staff's summary of the person while current.
ALERT_KINDS = {
    StatusKind.CHILD_PROTECTION_PLAN: ("Child protection plan", "red"),
    StatusKind.LOOKED_AFTER: ("Looked-after child", "purple"),
}


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Whole years of age on `day`; someone born on 29 February turns a year older on 1 March.

    >>> age_on(datetime.date(2008, 5, 10), datetime.date(2026, 5, 9))
    17
    >>> age_on(datetime.date(2008, 5, 10), datetime.date(2026, 5, 10))
    18
    """
    return day.year - date_of_birth.year - ((day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def is_adult_on(date_of_birth: datetime.date, day: datetime.date) -> bool:
    """Adult safeguarding (Care Act 2014 s42) is for people aged 18 or over.

    >>> is_adult_on(datetime.date(2008, 5, 10), datetime.date(2026, 5, 10))
    True
    >>> is_adult_on(datetime.date(2008, 5, 10), datetime.date(2026, 5, 9))
    False
    """
    return age_on(date_of_birth, day) >= ADULT_AGE


def kind_fits_age(kind: str, date_of_birth: datetime.date, day: datetime.date) -> bool:
    """Adult safeguarding only from 18; a child protection plan, child in need or looked-after
    status only before 18 (care leavers may be either).

    >>> born = datetime.date(2010, 1, 1)
    >>> kind_fits_age(StatusKind.ADULT_SAFEGUARDING, born, datetime.date(2027, 12, 31))
    False
    >>> kind_fits_age(StatusKind.LOOKED_AFTER, born, datetime.date(2028, 1, 1))
    False
    >>> kind_fits_age(StatusKind.CARE_LEAVER, born, datetime.date(2030, 1, 1))
    True
    """
    if kind == StatusKind.ADULT_SAFEGUARDING:
        return is_adult_on(date_of_birth, day)
    if kind in CHILDRENS_KINDS:
        return not is_adult_on(date_of_birth, day)
    return True


def needs_legal_basis(kind: str) -> bool:
    """A looked-after child is looked after under an order or an agreement: the status says which.

    >>> needs_legal_basis(StatusKind.LOOKED_AFTER), needs_legal_basis(StatusKind.CHILD_IN_NEED)
    (True, False)
    """
    return kind == StatusKind.LOOKED_AFTER


def periods_overlap(
    start: datetime.date, end: datetime.date | None, other_start: datetime.date, other_end: datetime.date | None
) -> bool:
    """Whether two periods share a day (an open end runs on); one ending the day the next starts
    is a handover, not an overlap.

    >>> d = datetime.date
    >>> periods_overlap(d(2026, 1, 1), d(2026, 3, 1), d(2026, 3, 1), None)
    False
    >>> periods_overlap(d(2026, 1, 1), None, d(2026, 6, 1), d(2026, 7, 1))
    True
    >>> periods_overlap(d(2026, 1, 1), d(2026, 2, 1), d(2025, 1, 1), d(2026, 1, 2))
    True
    """
    return (end is None or other_start < end) and (other_end is None or start < other_end)


def is_current(starts_on: datetime.date, ends_on: datetime.date | None, day: datetime.date) -> bool:
    """A status is current from its start until the day it ends (the end day is its first day over).

    >>> d = datetime.date
    >>> is_current(d(2026, 1, 1), None, d(2026, 1, 1)), is_current(d(2026, 1, 1), d(2026, 2, 1), d(2026, 2, 1))
    (True, False)
    """
    return starts_on <= day and (ends_on is None or day < ends_on)


def needs_reason_for_not_referring(referred_to: str) -> bool:
    """A concern not passed to the local authority or the police says why (Working Together to
    Safeguard Children 2023: a decision not to refer is recorded with its reasons).

    >>> needs_reason_for_not_referring(ReferredTo.NONE), needs_reason_for_not_referring(ReferredTo.POLICE)
    (True, False)
    """
    return referred_to == ReferredTo.NONE
