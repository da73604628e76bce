"""Demo supervision: each keyworker and the coordinator supervised by the manager, alternating
managerial and clinical, with reflective group supervision; one keyworker's overdue. A yearly
appraisal each, some CPD, and training the Behaviour Team delivered to a school."""

import datetime

from django.utils import timezone

from keywork.supervision.models import Appraisal, Supervision, Training

SUPERVISED = ("keyworker", "alex", "jordan", "behaviour", "peer", "coordinator")
KINDS = [Supervision.Kind.MANAGERIAL, Supervision.Kind.CLINICAL, Supervision.Kind.REFLECTIVE]


def seed_supervision(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has supervision recorded, so the demo can run again."""
    seed_appraisals_and_training(service, users, seed)
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


def seed_appraisals_and_training(service, users: dict, seed: int = 0) -> None:
    """A yearly appraisal for each keyworker, some CPD, and training delivered to partners."""
    if Appraisal.objects.filter(service=service).exists() or "manager" not in users:
        return
    today = timezone.localdate()
    manager = users["manager"]
    for number, key in enumerate(name for name in SUPERVISED if name in users):
        held_on = today - datetime.timedelta(days=60 + 40 * number + seed)
        Appraisal.objects.create(
            service=service,
            supervisee=users[key],
            supervisor=manager,
            held_on=held_on,
            objectives="Complete positive behaviour support training\nLead one C(E)TR preparation meeting",
            next_due_on=held_on + datetime.timedelta(days=365),
            recorded_by=manager,
        )
        Training.objects.create(
            service=service,
            worker=users[key],
            kind=Training.Kind.ATTENDED,
            held_on=held_on + datetime.timedelta(days=14),
            topic="Trauma-informed practice",
            hours=3,
            recorded_by=manager,
        )
    if "behaviour" in users:
        Training.objects.create(
            service=service,
            worker=users["behaviour"],
            kind=Training.Kind.DELIVERED,
            held_on=today - datetime.timedelta(days=21),
            topic="Positive behaviour support in the classroom",
            hours=2,
            audience="Special school staff",
            attendees=18 + seed,
            recorded_by=manager,
        )
