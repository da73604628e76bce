"""Signposting rules, each a named function the model, pages, API and the activity report share.

A Peer Associate or keyworker signposts a young person or family to a service or group in their
community; whether they went is followed up, and the work is reported by who did it and for which
provider (the employer of the post they held that day), so the lead can monitor a partner's contract.
"""

import datetime

from keywork.signposting.choices import Outcome

# A signposting still waiting after four weeks is checked with the family: did they go, or is
# something in the way? (The service's own practice for Peer Associates' follow-up.)
FOLLOW_UP_AFTER_DAYS = 28
NOT_RECORDED = "Employer not recorded"


def outcome_needs_date(outcome: str) -> bool:
    """An outcome known (attended, or not taken up) says when it was known; waiting has no date.

    >>> [outcome_needs_date(outcome) for outcome in (Outcome.ATTENDED, Outcome.NOT_TAKEN_UP, Outcome.WAITING)]
    [True, True, False]
    """
    return outcome != Outcome.WAITING


def needs_follow_up(outcome: str, signposted_on: datetime.date, today: datetime.date) -> bool:
    """Still waiting more than FOLLOW_UP_AFTER_DAYS after signposting.

    >>> d = datetime.date
    >>> [needs_follow_up(Outcome.WAITING, d(2026, 1, 1), d(2026, 1, day)) for day in (30, 29)]
    [True, False]
    >>> needs_follow_up(Outcome.ATTENDED, d(2025, 1, 1), d(2026, 1, 1))
    False
    """
    return outcome == Outcome.WAITING and (today - signposted_on).days > FOLLOW_UP_AFTER_DAYS


def employer_on(holdings, day: datetime.date) -> str:
    """Which provider a worker worked for on `day`: the employer of the post they held then
    (programme workforce: a PostHolding of a Post), else NOT_RECORDED. `holdings` are the worker's,
    each with starts_on, ends_on (None while held) and post.employer.

    >>> from types import SimpleNamespace as S
    >>> d = datetime.date
    >>> council = S(starts_on=d(2024, 1, 1), ends_on=d(2025, 12, 31), post=S(employer="Kent County Council"))
    >>> charity = S(starts_on=d(2026, 1, 1), ends_on=None, post=S(employer="Partner charity"))
    >>> employer_on([council, charity], d(2025, 12, 31)), employer_on([council, charity], d(2026, 3, 1))
    ('Kent County Council', 'Partner charity')
    >>> employer_on([charity], d(2025, 6, 1))
    'Employer not recorded'
    """
    held = [h for h in holdings if h.starts_on <= day and (h.ends_on is None or day <= h.ends_on)]
    return max(held, key=lambda h: h.starts_on).post.employer if held else NOT_RECORDED
