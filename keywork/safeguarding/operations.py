"""Every change to safeguarding records, each audited, in one transaction. Pages, the API and the
register's import call these."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation

STATUS_FIELDS = ["kind", "legal_basis", "starts_on", "ends_on", "local_authority"]
OUTCOME_FIELDS = ["outcome", "outcome_on", "follow_up", "follow_up_due_on", "follow_up_done_on"]


def _changes(record, names) -> dict:
    return {name: getattr(record, name) for name in names}


@transaction.atomic
def record_status(actor, status):
    status.recorded_by = actor.user
    status.save()
    audit.record(actor, Operation.CREATE, status, person_id=status.person_id, changes=_changes(status, STATUS_FIELDS))
    return status


@transaction.atomic
def update_status(actor, status, version: int):
    """Save the edited status unless someone else saved it since `version` (StaleRecordError)."""
    status.save_if_unchanged_since(version)
    audit.record(actor, Operation.UPDATE, status, person_id=status.person_id, changes=_changes(status, STATUS_FIELDS))
    return status


@transaction.atomic
def raise_concern(actor, concern):
    concern.raised_by = actor.user
    concern.save()
    changes = {"category": concern.category, "referred_to": concern.referred_to}
    audit.record(actor, Operation.CREATE, concern, person_id=concern.person_id, changes=changes)
    return concern


@transaction.atomic
def record_outcome(actor, concern, version: int):
    """Save the outcome and follow-up unless someone else saved the concern since `version`."""
    concern.save_if_unchanged_since(version, OUTCOME_FIELDS)
    changes = _changes(concern, ["outcome_on", "follow_up_due_on", "follow_up_done_on"])
    audit.record(actor, Operation.UPDATE, concern, person_id=concern.person_id, changes=changes)
    return concern
