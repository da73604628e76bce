"""Uploading, checking and importing a spreadsheet: each step audited, the import all or nothing."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.imports.checking import DEFAULTS, DETAILS, NEW, UPDATED, Check, Row, check, rating_date
from keywork.imports.columns import mapping_problems
from keywork.imports.files import read_table
from keywork.imports.models import ImportRun, ImportStatus
from keywork.register import rules
from keywork.register.models import Consent, Person, RatingChange

BATCH = 1000


class ImportRefused(Exception):
    """The import cannot go ahead as asked; the message says why. Nothing was changed."""


def upload(actor, file_name: str, data: bytes) -> ImportRun:
    """Keep an uploaded file for mapping, once it is known to be a readable spreadsheet (else UnreadableFile)."""
    read_table(data)
    run = ImportRun.objects.create(
        service=actor.service,
        file_name=file_name[:255],
        sha256=ImportRun.checksum(data),
        size=len(data),
        content=data,
        uploaded_by=actor.user,
    )
    audit.record(actor, Operation.CREATE, run, changes={"file": run.file_name, "sha256": run.sha256, "bytes": run.size})
    return run


def check_run(actor, run: ImportRun, mapping: dict[str, str], today: datetime.date | None = None) -> Check:
    """Check every row with `mapping` and keep the report on the run; nothing on the register changes."""
    problems = mapping_problems(mapping)
    if problems:
        raise ImportRefused("; ".join(problems))
    result = check(read_table(bytes(run.content)), mapping, run.service, today or timezone.localdate())
    run.mapping, run.summary, run.problems, run.updates = mapping, result.summary, result.problems, result.updates
    if run.status == ImportStatus.UPLOADED:
        run.status = ImportStatus.CHECKED
    run.save(update_fields=["mapping", "summary", "problems", "updates", "status"])
    return result


def import_run(actor, run: ImportRun, accept_refused: bool = False, progress=None) -> Check:
    """Import the checked file in one transaction: every accepted row, or (on any error) nothing.

    The rows are checked again inside the transaction, so a record changed since the report was
    read is compared as it is now.
    """
    try:
        return _import_checked_run(actor, run, accept_refused, progress)
    except IntegrityError as error:
        # Someone added one of the file's NHS numbers between this check and the import.
        raise ImportRefused(
            "The register changed while the file was being imported, so nothing was imported: check the file again"
        ) from error


def _import_checked_run(actor, run: ImportRun, accept_refused: bool, progress) -> Check:
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status == ImportStatus.IMPORTED:
            raise ImportRefused("This file has already been imported: upload it again to import it again")
        if run.status != ImportStatus.CHECKED:
            raise ImportRefused("Choose what each column holds and check the file before importing it")
        result = check_run(actor, run, run.mapping)
        refused = result.count("refused")
        if refused and not accept_refused:
            raise ImportRefused(
                f"{refused} {'row was' if refused == 1 else 'rows were'} refused: correct the file and upload it "
                "again, or accept that the refused rows will not be imported"
            )
        label = f"Imported from {run.file_name}"
        _add_people(actor, [row for row in result.rows if row.outcome == NEW], label, result.today, progress)
        _update_people(actor, [row for row in result.rows if row.outcome == UPDATED], label, result.today, progress)
        run.status, run.imported_by, run.imported_at = ImportStatus.IMPORTED, actor.user, timezone.now()
        run.content = b""
        run.save(update_fields=["status", "imported_by", "imported_at", "content"])
        audit.record(
            actor,
            Operation.CREATE,
            run,
            changes={
                "imported": run.file_name,
                "sha256": run.sha256,
                **result.summary,
                "accepted_refused": accept_refused,
            },
        )
    return result


def _rating_change(row: Row, person: Person, actor, label: str, today) -> RatingChange:
    return RatingChange(
        person=person,
        rating=row.values["rating"],
        effective_on=rating_date(row, today),
        reason=f"{label}, row {row.number}",
        decided_by=actor.user,
    )


def _add_people(actor, rows: list[Row], label: str, today, progress) -> None:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        people = [_new_person(row, actor.service, today) for row in batch]
        Person.objects.bulk_create(people)
        RatingChange.objects.bulk_create(
            _rating_change(row, person, actor, label, today) for row, person in zip(batch, people, strict=True)
        )
        Consent.objects.bulk_create(
            Consent(
                person=person,
                basis=row.values["consent"],
                given_by=f"As recorded in the spreadsheet ({label.lower()})",
                decided_on=rating_date(row, today),
                recorded_by=actor.user,
            )
            for row, person in zip(batch, people, strict=True)
            if "consent" in row.values
        )
        audit.record_many(actor, Operation.CREATE, people)
        if progress:
            progress(len(batch))


def _new_person(row: Row, service, today) -> Person:
    values = DEFAULTS | {key: value for key, value in row.values.items() if key in DETAILS}
    values.setdefault("referral_date", rating_date(row, today))
    effective_on = rating_date(row, today)
    return Person(
        service=service,
        **values,
        rating=row.values["rating"],
        rating_effective_on=effective_on,
        next_review_due=rules.next_review_due(service, row.values["rating"], effective_on),
    )


def _update_people(actor, rows: list[Row], label: str, today, progress) -> None:
    for row in rows:
        person = row.person
        if row.changes:
            for key, (_old, new) in row.changes.items():
                setattr(person, key, new)
            Person.objects.filter(pk=person.pk).update(
                **{key: new for key, (_old, new) in row.changes.items()},
                version=F("version") + 1,
                updated_at=timezone.now(),
            )
            audit.record(actor, Operation.UPDATE, person, person_id=person.pk, changes=_audited(row.changes))
        if row.adds_rating:
            change = _rating_change(row, person, actor, label, today)
            change.save()
            person.refresh_rating()
            audit.record(
                actor,
                Operation.CREATE,
                change,
                person_id=person.pk,
                changes={"rating": change.rating, "effective_on": change.effective_on, "source": label},
            )
        if progress:
            progress(1)


def _audited(changes: dict) -> dict:
    return {key: new for key, (_old, new) in changes.items()}
