"""The one save of a person's record that keeps its own version (keywork.locking.VersionedModel) and
names the fields its audit entry lists (`AUDITED`): education, placement and transition records.
Pages and the API call it after the record's rules have been checked (the ModelForm on pages,
full_clean on the API).

A plan whose every version is kept (a support plan, a behaviour support plan) is saved instead as a
new row numbered after the latest: `save_new_version`."""

from django.db import IntegrityError, transaction
from django.db.models import Max

from keywork import audit
from keywork.audit.models import Operation
from keywork.locking import StaleRecordError


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


def save_new_version(actor, person, plan, versions, based_on_version: int):
    """Save `plan` as the person's next version among `versions` (their plans of its kind), unless
    someone saved one since `based_on_version` was read (StaleRecordError); audited."""
    try:
        with transaction.atomic():
            current = versions.aggregate(latest=Max("version"))["latest"] or 0
            if current != based_on_version:
                raise StaleRecordError("Someone else saved a new version of the plan after you opened it")
            plan.person, plan.version, plan.saved_by = person, current + 1, actor.user
            plan.save()
            audit.record(actor, Operation.CREATE, plan, person_id=person.pk, changes={"version": plan.version})
    except IntegrityError as error:
        raise StaleRecordError("Someone else saved a new version of the plan at the same moment") from error
    return plan
