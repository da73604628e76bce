"""Demo supervision: each keyworker and the coordinator supervised by the manager, alternating
managerial and clinical, with reflective group supervision; one keyworker's overdue."""

import datetime

from django.utils import timezone

from keywork.supervision.models import Supervision

SUPERVISED = ("keyworker", "alex", "jordan", "behaviour", "peer", "coordinator")
KINDS = [Supervision.Kind.MANAGERIAL, Supervision.Kind.CLINICAL, Supervision.Kind.REFLECTIVE]


def seed_supervision(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has supervision recorded, so the demo can run again."""
    if Supervision.objects.filter(service=service).exists() or "manager" not in users:
        return
    today = timezone.localdate()
    manager = users["manager"]
    for number, key in enumerate(name for name in SUPERVISED if name in users):
        # Monthly sessions; the second worker's (alex) last was ten weeks ago, so overdue.
        last = today - datetime.timedelta(days=70 if number == 1 else 7 + 3 * number + seed)
        for session in range(3):
            held_on = last - datetime.timedelta(days=28 * session)
            Supervision.objects.create(
                service=service,
                supervisee=users[key],
                supervisor=manager,
                kind=KINDS[(number + session) % len(KINDS)],
                held_on=held_on,
                notes="Caseload reviewed; wellbeing discussed; actions agreed." if session == 0 else "",
                next_due_on=held_on + datetime.timedelta(days=28),
                recorded_by=manager,
            )
