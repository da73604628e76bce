"""The people a user opened lately, read from the audit log: no second record of who saw whom."""

from django.db.models import Max

from keywork.audit.models import AuditEntry, Operation

SHOWN = 10
# Candidates read from the log before keeping those still visible: someone may since have moved
# to another keyworker, or been archived.
CANDIDATES = 50


def recently_viewed(user, people) -> list:
    """The last people (up to 10, most recent first) `user` opened, among `people` they may still see."""
    opened = (
        AuditEntry.objects.filter(actor=user, operation=Operation.VIEW, person_id__isnull=False)
        .values("person_id")
        .annotate(last_opened=Max("created_at"))
        .order_by("-last_opened")[:CANDIDATES]
    )
    order = [row["person_id"] for row in opened]
    visible = people.filter(pk__in=order, archived_on__isnull=True).in_bulk()
    return [visible[pk] for pk in order if pk in visible][:SHOWN]
