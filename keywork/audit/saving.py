"""The one save of a person's record that keeps its own version (keywork.locking.VersionedModel) and
names the fields its audit entry lists (`AUDITED`): education, placement and transition records.
Pages and the API call it after the record's rules have been checked (the ModelForm on pages,
full_clean on the API)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def save_versioned(actor, record, version: int = 0):
    """Save the record and audit it; an edit only if nobody saved it since `version`."""
    operation = Operation.UPDATE if record.pk else Operation.CREATE
    if record.pk is None:
        record.recorded_by = actor.user
    record.save_if_unchanged_since(version)
    changes = {name: str(getattr(record, name)) for name in record.AUDITED}
    audit.record(actor, operation, record, person_id=record.person_id, changes=changes)
    return record


def save_form(actor, form):
    """`save_versioned` for a page's form, whose hidden version field says which version it edited."""
    return save_versioned(actor, form.instance, form.cleaned_data["version"] or 0)
