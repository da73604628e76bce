"""Retention: archive and erase DSR entries when the records-management rules say so.

The rules are in settings.RECORDS_RETENTION, one per kind of record, and a service may set its own
periods (Service.retention_overrides). A DSR entry counts from the day support ends; erasure deletes
the person and everything held about them (their reports' files too, and any uploaded spreadsheet
still kept that names them), and leaves one audit entry naming the rule: the audit log is
append-only, so the trail of who saw the record survives, without the record's content. An
uploaded spreadsheet counts from its upload; erasing it keeps the run's checksum and counts.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Max, Q
from django.utils import timezone

from keywork import audit, personrecord
from keywork.audit.models import AuditEntry, Operation
from keywork.imports.models import ImportRun
from keywork.keyworking.choices import ReferralDecision
from keywork.register.choices import RegisterStatus
from keywork.register.models import Person

PERSON, IMPORT_FILE = "person", "import_file"
LEFT_THE_REGISTER = (RegisterStatus.REMOVED, RegisterStatus.TRANSFERRED_OUT)


@dataclass
class Plan:
    """What retention would do on a date: people to archive, to erase, and held back."""

    on: datetime.date
    archive: list[Person] = field(default_factory=list)
    erase: list[Person] = field(default_factory=list)
    held: list[Person] = field(default_factory=list)
    import_files: list = field(default_factory=list)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 August + 6 months = 28/29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def months(service, kind: str, action: str) -> int:
    return service.retention_months(kind, f"{action}_after_months")


def rule_name(service, kind: str, action: str) -> str:
    trigger = "support ends" if kind == PERSON else "upload"
    count = months(service, kind, action)
    return f"{kind}: {action} {count} month{'s' if count != 1 else ''} after {trigger}"


def support_ended_on(person: Person) -> datetime.date | None:
    """The later of leaving the register and the last referral's keywork ending; None while supported.

    Uses `last_closed`, `open_referrals` and `open_requests`, annotated by `candidates()`, so the plan
    is one query.
    """
    if person.status not in LEFT_THE_REGISTER or person.status_changed_on is None:
        return None
    if person.open_referrals or person.open_requests:
        return None  # keywork goes on after leaving the register (moved out of area, still open)
    return max(d for d in (person.status_changed_on, person.last_closed) if d is not None)


def candidates() -> models.QuerySet:
    # Live business keeps a record: keywork still open, a referral awaiting its decision, or a
    # subject access request not yet answered (erasing it would erase the evidence of the answer).
    still_open = Q(referrals__decision=ReferralDecision.ACCEPTED, referrals__closed_on__isnull=True) | Q(
        referrals__decision=ReferralDecision.PENDING
    )
    unanswered = Q(subject_access_requests__responded_on__isnull=True, subject_access_requests__isnull=False)
    return (
        Person.objects.filter(status__in=LEFT_THE_REGISTER, status_changed_on__isnull=False)
        .annotate(
            last_closed=Max("referrals__closed_on"),
            open_referrals=models.Count("referrals", filter=still_open, distinct=True),
            open_requests=models.Count("subject_access_requests", filter=unanswered, distinct=True),
        )
        .select_related("service")
        .order_by("service_id", "id")
    )


def plan(on: datetime.date) -> Plan:
    result = Plan(on=on, import_files=_import_files_due(on))
    for person in candidates():
        ended = support_ended_on(person)
        if ended is None:
            continue
        erase_due = add_months(ended, months(person.service, PERSON, "erase")) <= on
        archive_due = person.archived_on is None and add_months(ended, months(person.service, PERSON, "archive")) <= on
        if not (erase_due or archive_due):
            continue
        if person.legal_hold:
            result.held.append(person)
        elif erase_due:
            result.erase.append(person)
        else:
            result.archive.append(person)
    return result


def apply(the_plan: Plan) -> None:
    """Archive and erase as planned, all or nothing."""
    with transaction.atomic():
        # legal_hold is checked again here: a hold placed since the plan was made wins.
        archived = list(Person.objects.filter(pk__in=[p.pk for p in the_plan.archive], legal_hold=False))
        Person.objects.filter(pk__in=[person.pk for person in archived]).update(archived_on=the_plan.on)
        for person in archived:
            changes = {"archived_on": the_plan.on, "rule": rule_name(person.service, PERSON, "archive")}
            audit.record(
                audit.Actor.system("retention", person.service),
                Operation.UPDATE,
                person,
                person_id=person.pk,
                changes=changes,
            )
        the_plan.archive = archived
        the_plan.erase = [person for person in the_plan.erase if erase(person, on=the_plan.on)]
        for run in the_plan.import_files:
            _erase_import_file(run, the_plan.on, rule_name(run.service, IMPORT_FILE, "erase"))


def _import_files_due(on: datetime.date) -> list:
    kept = (
        ImportRun.objects.exclude(table={}, problems=[], updates=[])
        .select_related("service")
        .order_by("service_id", "id")
    )
    return [
        run
        for run in kept.defer("table", "problems", "updates")
        if add_months(timezone.localdate(run.uploaded_at), months(run.service, IMPORT_FILE, "erase")) <= on
    ]


def _erase_import_file(run, on: datetime.date, rule: str) -> None:
    run.remove_file(with_report=True)
    audit.record(
        audit.Actor.system("retention", run.service),
        Operation.ERASE,
        run,
        changes={"rule": rule, "on": on, "erased": "uploaded file and its report of refused and updated rows"},
    )


def erase(person: Person, on: datetime.date) -> bool:
    """Delete the person and everything held about them, and record the erasure in the audit log.
    False if a legal hold was placed since the plan was made (nothing is erased)."""
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        if locked.legal_hold:
            return False
        files = [stored.file for stored in personrecord.stored_files(locked)]
        # An uploaded spreadsheet still kept that names them goes too (importing it would bring them back).
        for run in ImportRun.kept_naming(locked.service, locked.nhs_number):
            _erase_import_file(run, on, rule_name(locked.service, PERSON, "erase"))
        _delete_dependants(Person, Person.objects.filter(pk=locked.pk))
        pk, service = locked.pk, locked.service
        Person.objects.filter(pk=pk).delete()
        AuditEntry.objects.filter(person_id=pk).redact_content(rule_name(service, PERSON, "erase"))
        # The entry is written for the (now deleted) person's id so their audit trail still ends
        # with it; `locked` keeps the pk for the content type and object id.
        locked.pk = pk
        audit.record(
            audit.Actor.system("retention", service),
            Operation.ERASE,
            locked,
            person_id=pk,
            changes={"rule": rule_name(service, PERSON, "erase"), "on": on, "erased": "person record"},
        )
        # Files are deleted only once the rows are gone for good, so a rollback loses nothing.
        transaction.on_commit(lambda: _delete_files(files))
    return True


def _delete_dependants(model, rows: models.QuerySet, path: tuple = ()) -> None:
    """Delete every row that refers to `rows`, deepest first (the foreign keys are PROTECT).

    Walks the model graph rather than naming the tables, so a model added later that refers to a
    person is erased with them instead of making erasure fail on PROTECT.
    """
    for relation in model._meta.related_objects:
        related = relation.related_model
        if relation.many_to_many:
            _unlink_shared_records(relation, rows)
            continue
        if related in path or related._meta.label == "audit.AuditEntry":
            continue
        dependants = related._base_manager.filter(**{f"{relation.field.name}__in": rows})
        _delete_dependants(related, dependants, (*path, model))
        dependants.delete()


def _unlink_shared_records(relation, rows: models.QuerySet) -> None:
    """A record shared by several people (a system blocker) loses the link only; one left about
    nobody else goes too, since its description is about the person erased."""
    through = relation.field.remote_field.through
    links = through.objects.filter(**{f"{relation.field.m2m_reverse_field_name()}__in": rows})
    shared_ids = set(links.values_list(relation.field.m2m_field_name(), flat=True))
    links.delete()
    related = relation.related_model
    orphans = related._base_manager.filter(pk__in=shared_ids).annotate(linked=models.Count(relation.field.name))
    orphans = related._base_manager.filter(pk__in=orphans.filter(linked=0).values("pk"))
    _delete_dependants(related, orphans, (Person,))
    orphans.delete()


def _delete_files(files) -> None:
    for stored in files:
        stored.storage.delete(stored.name)
