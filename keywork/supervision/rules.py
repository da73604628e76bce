"""When supervision is next due, who may read a session's notes, and what is due or lapsing across
staff assurance and supervision (the workforce page's list and the allocation board's warnings)."""

import datetime
from dataclasses import dataclass

from keywork.accounts.permissions import Permission, has_permission
from keywork.assurance.rules import LAPSE_WARNING_DAYS, lapsing
from keywork.supervision.models import Appraisal, Supervision


def may_read_notes(user, record) -> bool:
    """A supervision's notes or an appraisal's objectives: the person supervised or appraised, the one
    who did it, and managers (those who manage the workforce) read them; nobody else, whatever else
    they may see (the service's supervision policy)."""
    return user.pk in (record.supervisee_id, record.supervisor_id) or has_permission(user, Permission.MANAGE_WORKFORCE)


def latest_of(model, service) -> dict[int, object]:
    """Each worker's most recent supervision (or appraisal), in one query."""
    latest: dict[int, object] = {}
    for record in model.objects.filter(service=service).select_related("supervisee").order_by("held_on", "id"):
        latest[record.supervisee_id] = record
    return latest


def supervision_overdue(service, today: datetime.date) -> dict[int, Supervision]:
    """Workers whose latest supervision's next due date has passed, with that session."""
    return {worker: s for worker, s in latest_of(Supervision, service).items() if s.next_due_on < today}


SUPERVISION, APPRAISAL = "Supervision", "Appraisal"


@dataclass(frozen=True)
class Due:
    """Something a worker must renew or have by a date: a registration, check or training (which
    lapse), or supervision or an appraisal (which fall due)."""

    worker: object
    what: str
    on: datetime.date
    today: datetime.date

    @property
    def is_lapsed(self) -> bool:
        return self.on < self.today

    @property
    def falls_due(self) -> bool:
        return self.what in (SUPERVISION, APPRAISAL)

    @property
    def verb(self) -> str:
        """'lapsed', 'lapses', 'was due', 'is due': supervision and appraisals fall due, assurance lapses."""
        if self.falls_due:
            return "was due" if self.is_lapsed else "is due"
        return "lapsed" if self.is_lapsed else "lapses"


def lapsing_and_due(service, today: datetime.date, days: int = LAPSE_WARNING_DAYS) -> list[Due]:
    """Assurance lapsed or lapsing within `days`, and supervision and appraisals overdue or due within
    `days` (from each worker's latest), soonest first."""
    horizon = today + datetime.timedelta(days=days)
    items = [Due(a.worker, a.get_kind_display(), a.expires_on, today) for a in lapsing(service, today, days)]
    for model, what in ((Supervision, SUPERVISION), (Appraisal, APPRAISAL)):
        latest = latest_of(model, service).values()
        items += [Due(r.supervisee, what, r.next_due_on, today) for r in latest if r.next_due_on <= horizon]
    return sorted(items, key=lambda item: item.on)
