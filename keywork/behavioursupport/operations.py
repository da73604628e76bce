"""Every change to behaviour support records, each audited, in one transaction. Pages, the API and
the demo call these."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.audit.saving import save_new_version


def save_plan(actor, person, plan, based_on_version: int):
    """Save a new version of the PBS plan, unless someone saved one since `based_on_version`."""
    return save_new_version(actor, person, plan, person.pbs_plans, based_on_version)


@transaction.atomic
def record_incident(actor, incident, practices: list):
    """Save the incident and its restrictive practices together; the incident's rules are checked
    first (incident.full_clean and check_practices), so nothing is saved when any is broken."""
    incident.recorded_by = actor.user
    incident.save()
    for practice in practices:
        practice.incident = incident
        practice.save()
    changes = {
        "occurred_at": incident.occurred_at.isoformat(),
        "severity": incident.severity,
        "restrictive_practices": {practice.practice: practice.minutes for practice in practices},
    }
    audit.record(actor, Operation.CREATE, incident, person_id=incident.person_id, changes=changes)
    return incident
