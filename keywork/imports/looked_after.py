"""A spreadsheet's looked-after column, which registers have long kept as a yes/no, read into the
person's safeguarding status history (keywork.safeguarding), the one place it is held.

"Yes" for someone with no current looked-after status starts one: on the referral date for a new
person, on the import day for someone already on the register; its legal basis is "Not recorded",
as the column does not say it. "No" for someone with a current looked-after status ends it on the
import day. Each status created or ended is audited against the person."""

import datetime

from keywork import audit
from keywork.audit.models import Operation
from keywork.safeguarding.choices import LegalBasis, StatusKind
from keywork.safeguarding.models import SafeguardingStatus


def currently_looked_after(person_ids) -> set[int]:
    """Of `person_ids`, those with a current looked-after status."""
    current = SafeguardingStatus.objects.current().filter(person_id__in=person_ids, kind=StatusKind.LOOKED_AFTER)
    return set(current.values_list("person_id", flat=True))


def record(actor, run, answers: list[tuple], today: datetime.date) -> None:
    """`answers`: (person, looked after?, the date a new status starts) for each row that says."""
    held = {
        status.person_id: status
        for status in SafeguardingStatus.objects.current(today).filter(
            person__in=[person for person, _, _ in answers], kind=StatusKind.LOOKED_AFTER
        )
    }
    new, ended = [], []
    for person, looked_after, starts_on in answers:
        status = held.get(person.pk)
        if looked_after and status is None:
            new.append(_status(person, starts_on, actor))
        elif not looked_after and status is not None and status.starts_on < today:
            status.ends_on, status.version = today, status.version + 1
            ended.append(status)
    SafeguardingStatus.objects.bulk_create(new)
    SafeguardingStatus.objects.bulk_update(ended, ["ends_on", "version"])
    audit.record_bulk(
        actor,
        Operation.CREATE,
        [(s, s.person_id, {"import": run.pk, "kind": s.kind, "starts_on": s.starts_on}) for s in new],
    )
    audit.record_bulk(actor, Operation.UPDATE, [(s, s.person_id, {"import": run.pk, "ends_on": today}) for s in ended])


def _status(person, starts_on: datetime.date, actor) -> SafeguardingStatus:
    return SafeguardingStatus(
        person=person,
        kind=StatusKind.LOOKED_AFTER,
        legal_basis=LegalBasis.NOT_RECORDED,
        starts_on=starts_on,
        local_authority=person.local_authority,
        recorded_by=actor.user,
    )
