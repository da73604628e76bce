"""Recording a supervision session and showing its notes, each audited (pages and the API call these)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def record(actor, supervision):
    """Save a new session (its notes among what the audit entry records as created)."""
    supervision.recorded_by = actor.user
    supervision.save()
    audit.record(actor, Operation.CREATE, supervision, changes={"notes": "written" if supervision.notes else ""})
    return supervision


def notes_shown(actor, sessions) -> None:
    """Whose supervision notes were shown to whom: one entry for each session whose notes a page or
    the API showed (the notes are private to the pair and managers)."""
    audit.record_bulk(actor, Operation.VIEW, [(session, None, {"notes": "shown"}) for session in sessions])
