"""Co-production rules, each a named function the model, pages, API and the quarterly return share.

Co-production is with families and young people (NHS England's Designated Keyworker guidance: the
service is shaped with the children, young people and families who use it), so an event counts the
parents and carers and the young people who took part, and what changed because of it: "you said,
we did".
"""

import datetime

from keywork.presenters import uk_long_date
from keywork.suppression import SuppressedCounts, suppress_counts

# The most people one event is recorded with: a survey of every family in a county, not a typing slip.
LARGEST_ATTENDANCE = 10_000
# "You said, we did" is reported back within a quarter of hearing it (the service's own practice,
# docs/domain.md: co-production "at the core of all activities").
RESPONSE_DUE_DAYS = 91
ATTENDANCE_LABELS = {
    "parents_carers": "Parents and carers",
    "young_people": "Young people",
    "professionals": "Professionals",
}


def involves_families(parents_carers: int | None, young_people: int | None) -> bool:
    """An event is co-production only if parents, carers or young people took part.

    >>> involves_families(0, 3), involves_families(2, 0), involves_families(0, 0), involves_families(None, None)
    (True, True, False, False)
    """
    return bool(parents_carers) or bool(young_people)


def response_overdue(held_on: datetime.date, what_changed: str, today: datetime.date) -> bool:
    """Nothing recorded as changed, a quarter (RESPONSE_DUE_DAYS) after the families were heard.

    >>> d = datetime.date
    >>> response_overdue(d(2026, 1, 1), "", d(2026, 4, 3)), response_overdue(d(2026, 1, 1), "", d(2026, 4, 2))
    (True, False)
    >>> response_overdue(d(2026, 1, 1), "New leaflet", d(2027, 1, 1))
    False
    """
    return not (what_changed or "").strip() and (today - held_on).days > RESPONSE_DUE_DAYS


def attendance(engagement) -> dict[str, int]:
    """Who took part, by the labels every page and file shows."""
    return {label: getattr(engagement, name) or 0 for name, label in ATTENDANCE_LABELS.items()}


def published_attendance(engagement, threshold: int) -> SuppressedCounts:
    """Attendance as it may leave the service: small numbers hidden by the one suppression rule
    (keywork/suppression.py), so a forum of two named parents is not told by its count.

    >>> from types import SimpleNamespace
    >>> counts = published_attendance(SimpleNamespace(parents_carers=12, young_people=3, professionals=4), 5)
    >>> counts.cells["Parents and carers"], counts.cells["Young people"]
    (12, '*')
    """
    return suppress_counts(attendance(engagement), threshold)


def attendance_table(engagements) -> dict[str, dict[str, int]]:
    """Who took part in each event, by its name and date (the quarterly return's table; a second
    event of the same name and day is numbered so no row hides another)."""
    table = {}
    for engagement in engagements:
        label = f"{engagement.title}, {uk_long_date(engagement.held_on)}"
        number = 2
        while label in table:
            label, number = f"{engagement.title}, {uk_long_date(engagement.held_on)} ({number})", number + 1
        table[label] = attendance(engagement)
    return table
