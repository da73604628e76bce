"""Uploading, checking and importing a spreadsheet: each step audited, the import all or nothing.

The import writes in bulk (people, rating changes, consents, audit entries), so 10,000 rows take
seconds whether they are new people or updates to known ones.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.education.choices import EhcpStatus
from keywork.education.models import Ehcp
from keywork.imports import looked_after
from keywork.imports.checking import DEFAULTS, DETAILS, NEW, RECORDS, UPDATED, Check, Row, check
from keywork.imports.columns import mapping_problems
from keywork.imports.files import Table, read_table
from keywork.imports.models import ImportRun, ImportStatus
from keywork.register import rules
from keywork.register.models import Consent, Person, RatingChange

BATCH = 1000
CONSENT_SOURCE = "As recorded in the imported spreadsheet"


class ImportRefused(Exception):
    """The import cannot go ahead as asked; the message says why. Nothing was changed."""


def upload(actor, file_name: str, data: bytes) -> ImportRun:
    """Read an uploaded file once and keep its table for mapping (else UnreadableFile); the bytes go."""
    run = ImportRun.objects.create(
        service=actor.service,
        file_name=file_name[:255],
        sha256=ImportRun.checksum(data),
        size=len(data),
        table=read_table(data).as_json(),
        uploaded_by=actor.user,
    )
    audit.record(actor, Operation.CREATE, run, changes={"file": run.file_name, "sha256": run.sha256, "bytes": run.size})
    return run


def table_of(run: ImportRun) -> Table:
    """The table read from the run's file at upload, or ImportRefused once it is no longer kept."""
    if run.status in (ImportStatus.IMPORTED, ImportStatus.DISCARDED) or not run.table:
        raise ImportRefused("The file is no longer kept: upload it again to check or import it")
    return Table.from_json(run.table)


def check_run(actor, run: ImportRun, mapping: dict[str, str]) -> Check:
    """Check every row with `mapping` and keep the report on the run; nothing on the register changes."""
    problems = mapping_problems(mapping)
    if problems:
        raise ImportRefused("; ".join(problems))
    first = run.imports_of_same_file().first()
    undated_on = timezone.localdate(first.imported_at) if first else None
    result = check(table_of(run), mapping, run.service, timezone.localdate(), undated_on)
    run.mapping, run.summary, run.problems, run.updates = mapping, result.summary, result.problems, result.updates
    run.status = ImportStatus.CHECKED
    fields = ["mapping", "summary", "problems", "updates", "status"]
    # Conditional: a second tab re-checking while someone imports must not turn an import back to "checked".
    saved = ImportRun.objects.filter(pk=run.pk, status__in=[ImportStatus.UPLOADED, ImportStatus.CHECKED]).update(
        **{name: getattr(run, name) for name in fields}
    )
    if not saved:
        raise ImportRefused("This file has already been imported or removed: upload it again to import it again")
    return result


def import_run(actor, run: ImportRun, accept_refused: bool = False, progress=None) -> Check:
    """Import the checked file in one transaction: every accepted row, or (on any error) nothing.

    The rows are checked again inside the transaction, so a record changed since the report was
    read is compared as it is now; if that finds new refusals, the fresh report is kept.
    """
    try:
        return _import_checked_run(actor, run, accept_refused, progress)
    except IntegrityError as error:
        # Someone added one of the file's NHS numbers between this check and the import.
        raise ImportRefused(
            "The register changed while the file was being imported, so nothing was imported: check the file again"
        ) from error
    except _RowsRefused as refused:
        # The check inside the transaction was rolled back with it; keep it, so the report shows
        # the rows refused now (someone may have changed a record since the report was read).
        check_run(actor, run, run.mapping)
        raise ImportRefused(str(refused)) from None


class _RowsRefused(ImportRefused):
    pass


def _import_checked_run(actor, run: ImportRun, accept_refused: bool, progress) -> Check:
    with transaction.atomic():
        run = ImportRun.objects.select_for_update().get(pk=run.pk)
        if run.status == ImportStatus.IMPORTED:
            raise ImportRefused("This file has already been imported: upload it again to import it again")
        if run.status == ImportStatus.UPLOADED:
            raise ImportRefused("Choose what each column holds and check the file before importing it")
        result = check_run(actor, run, run.mapping)
        refused = result.count("refused")
        if refused and not accept_refused:
            raise _RowsRefused(
                f"{refused} {'row was' if refused == 1 else 'rows were'} refused: correct the file and upload it "
                "again, or accept that the refused rows will not be imported"
            )
        _add_people(actor, run, [row for row in result.rows if row.outcome == NEW], progress)
        _update_people(actor, run, [row for row in result.rows if row.outcome == UPDATED], progress)
        run.status, run.imported_by, run.imported_at = ImportStatus.IMPORTED, actor.user, timezone.now()
        run.table = {}
        run.save(update_fields=["status", "imported_by", "imported_at", "table"])
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


def _rating_change(run: ImportRun, row: Row, person: Person, actor) -> RatingChange:
    return RatingChange(
        person=person,
        rating=row.values["rating"],
        effective_on=row.rated_on,
        reason=f"Imported from {run.file_name}, row {row.number}",
        decided_by=actor.user,
    )


def _consent(row: Row, person: Person, actor) -> Consent:
    return Consent(
        person=person,
        basis=row.values["consent"],
        given_by=CONSENT_SOURCE,
        decided_on=row.rated_on,
        recorded_by=actor.user,
    )


def _add_people(actor, run: ImportRun, rows: list[Row], progress) -> None:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        people = [_new_person(row, actor.service) for row in batch]
        Person.objects.bulk_create(people)
        pairs = list(zip(batch, people, strict=True))
        audit.record_bulk(actor, Operation.CREATE, [(p, p.pk, {"import": run.pk, "row": r.number}) for r, p in pairs])
        _record_ehcps(actor, run, [(person, row.values.get("ehcp", EhcpStatus.NOT_KNOWN)) for row, person in pairs])
        answers = [(p, r.values["looked_after"], p.referral_date) for r, p in pairs if r.values.get("looked_after")]
        looked_after.record(actor, run, answers, timezone.localdate())
        _add_history(actor, run, pairs)
        if progress:
            progress(len(batch))


def _new_person(row: Row, service) -> Person:
    values = DEFAULTS | {key: value for key, value in row.values.items() if key in DETAILS}
    values.setdefault("referral_date", row.rated_on)
    return Person(
        service=service,
        **values,
        rating=row.values["rating"],
        rating_effective_on=row.rated_on,
        next_review_due=rules.next_review_due(service, row.values["rating"], row.rated_on),
    )


def _add_history(actor, run: ImportRun, pairs: list[tuple[Row, Person]]) -> None:
    """The rows' new ratings and consents, each audited against its person."""
    changes = [_rating_change(run, row, person, actor) for row, person in pairs if row.adds_rating]
    consents = [_consent(row, person, actor) for row, person in pairs if row.adds_consent]
    RatingChange.objects.bulk_create(changes)
    Consent.objects.bulk_create(consents)
    audit.record_bulk(
        actor,
        Operation.CREATE,
        [(c, c.person_id, {"import": run.pk, "rating": c.rating, "effective_on": c.effective_on}) for c in changes]
        + [(c, c.person_id, {"import": run.pk, "basis": c.basis, "decided_on": c.decided_on}) for c in consents],
    )


def _update_people(actor, run: ImportRun, rows: list[Row], progress) -> None:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        _change_details(actor, run, [row for row in batch if row.changes])
        _add_history(actor, run, [(row, row.person) for row in batch])
        _take_new_current_ratings([row for row in batch if row.adds_rating])
        if progress:
            progress(len(batch))


def _record_ehcps(actor, run: ImportRun, statuses: list[tuple[Person, str]]) -> None:
    """Each person's EHCP record (keywork.education) takes the file's answer: created, or changed."""
    held = {ehcp.person_id: ehcp for ehcp in Ehcp.objects.filter(person__in=[person for person, _ in statuses])}
    new, changed = [], []
    for person, status in statuses:
        ehcp = held.get(person.pk)
        if ehcp is None:
            new.append(Ehcp(person=person, status=status, recorded_by=actor.user))
        else:
            ehcp.status, ehcp.version = status, ehcp.version + 1
            changed.append(ehcp)
    Ehcp.objects.bulk_create(new, batch_size=BATCH)
    Ehcp.objects.bulk_update(changed, ["status", "version"], batch_size=BATCH)
    audit.record_bulk(
        actor,
        Operation.CREATE,
        [(ehcp, ehcp.person_id, {"import": run.pk, "status": ehcp.status}) for ehcp in new],
    )
    audit.record_bulk(
        actor,
        Operation.UPDATE,
        [(ehcp, ehcp.person_id, {"import": run.pk, "status": ehcp.status}) for ehcp in changed],
    )


def _change_details(actor, run: ImportRun, rows: list[Row]) -> None:
    _record_ehcps(actor, run, [(row.person, row.changes["ehcp"][1]) for row in rows if "ehcp" in row.changes])
    today = timezone.localdate()
    answers = [(row.person, row.changes["looked_after"][1], today) for row in rows if "looked_after" in row.changes]
    looked_after.record(actor, run, answers, today)
    rows = [row for row in rows if row.changes.keys() - set(RECORDS)]
    now = timezone.now()
    for row in rows:
        for key, (_old, new) in row.changes.items():
            if key not in RECORDS:
                setattr(row.person, key, new)
        # Saved within the import's transaction: a form opened before the import is then stale and
        # refused by optimistic locking, rather than silently undoing the import.
        row.person.version += 1
        row.person.updated_at = now
    fields = sorted({key for row in rows for key in row.changes} - set(RECORDS)) + ["version", "updated_at"]
    Person.objects.bulk_update([row.person for row in rows], fields, batch_size=BATCH)
    audit.record_bulk(
        actor,
        Operation.UPDATE,
        [
            (row.person, row.person.pk, {"import": run.pk} | {key: new for key, (_old, new) in row.changes.items()})
            for row in rows
        ],
    )


def _take_new_current_ratings(rows: list[Row]) -> None:
    """A new rating dated on or after the latest in the history becomes the current one (as
    Person.refresh_rating would decide: the latest by date, the newest recorded on a tie)."""
    current = []
    for row in rows:
        latest = row.held.latest_rated_on
        if latest is None or row.rated_on >= latest:
            person = row.person
            person.rating, person.rating_effective_on = row.values["rating"], row.rated_on
            person.next_review_due = rules.next_review_due(person.service, person.rating, row.rated_on)
            current.append(person)
    Person.objects.bulk_update(current, ["rating", "rating_effective_on", "next_review_due"], batch_size=BATCH)
