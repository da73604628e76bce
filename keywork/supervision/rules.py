"""When supervision is next due, who may read a session's notes, and what is due or lapsing across
staff assurance and supervision (the workforce page's list and the allocation board's warnings)."""

import datetime
from dataclasses import dataclass

from keywork.accounts.permissions import Permission, has_permission
from keywork.assurance.rules import LAPSE_WARNING_DAYS, lapsing
from keywork.supervision.models import Supervision


def may_read_notes(user, supervision: Supervision) -> bool:
    """The supervisee, the supervisor and managers (those who manage the workforce) read the notes;
    nobody else, whatever else they may see (the service's supervision policy)."""
    return user.pk in (supervision.supervisee_id, supervision.supervisor_id) or has_permission(
        user, Permission.MANAGE_WORKFORCE
    )


def latest_supervisions(service) -> dict[int, Supervision]:
    """Each worker's most recent supervision (one query)."""
    latest: dict[int, Supervision] = {}
    for session in Supervision.objects.filter(service=service).select_related("supervisee").order_by("held_on", "id"):
        latest[session.supervisee_id] = session
    return latest


def supervision_overdue(service, today: datetime.date) -> dict[int, Supervision]:
    """Workers whose latest supervision's next due date has passed, with that session."""
    return {worker: s for worker, s in latest_supervisions(service).items() if s.next_due_on < today}


SUPERVISION = "Supervision"


@dataclass(frozen=True)
class Due:
    """Something a worker must renew or have by a date: a registration, check or training, or supervision."""

    worker: object
    what: str
    on: datetime.date
    today: datetime.date

    @property
    def is_lapsed(self) -> bool:
        return self.on < self.today

    @property
    def is_supervision(self) -> bool:
        return self.what == SUPERVISION

    @property
    def verb(self) -> str:
        """'lapsed', 'lapses', 'was due', 'is due': supervision falls due, assurance lapses."""
        if self.is_supervision:
            return "was due" if self.is_lapsed else "is due"
        return "lapsed" if self.is_lapsed else "lapses"


def lapsing_and_due(service, today: datetime.date, days: int = LAPSE_WARNING_DAYS) -> list[Due]:
    """Assurance lapsed or lapsing within `days`, and supervision overdue or due within `days`
    (from each worker's latest session), soonest first."""
    horizon = today + datetime.timedelta(days=days)
    items = [Due(a.worker, a.get_kind_display(), a.expires_on, today) for a in lapsing(service, today, days)]
    items += [
        Due(s.supervisee, SUPERVISION, s.next_due_on, today)
        for s in latest_supervisions(service).values()
        if s.next_due_on <= horizon
    ]
    return sorted(items, key=lambda item: item.on)
