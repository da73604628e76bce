"""Recording supervision, appraisals and training, and showing what is private in them, each audited
(pages call these)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation

# What is private in each kind of record: read only by the pair and managers (rules.may_read_notes).
PRIVATE_FIELD = {"supervision": "notes", "appraisal": "objectives"}


def private_field(record) -> str | None:
    return PRIVATE_FIELD.get(record._meta.model_name)


@transaction.atomic
def record(actor, new_record):
    """Save a new supervision, appraisal or training record (the entry says whether private text was written)."""
    new_record.recorded_by = actor.user
    new_record.save()
    field = private_field(new_record)
    changes = {field: "written" if getattr(new_record, field) else ""} if field else {}
    audit.record(actor, Operation.CREATE, new_record, changes=changes)
    return new_record


def private_shown(actor, records) -> None:
    """Whose supervision notes or appraisal objectives were shown to whom: one entry for each record
    whose private text a page showed."""
    audit.record_bulk(actor, Operation.VIEW, [(r, None, {private_field(r): "shown"}) for r in records])
