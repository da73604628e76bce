"""Appending to the audit log: `record(actor, operation, obj)` adds one entry; `record_many` and
`record_bulk` add one per record in batched inserts, for the seed and the spreadsheet import.

Entries are made where the thing happens rather than in each page or API route: opening a person's
record, or one record about them, in `register.access` (`person_for_request`, `record_for_request`);
a change in its app's `operations` module (the import's in `imports.importing`); a download (a C(E)TR
report, the quarterly return, a register export, a FHIR bundle, a subject access pack, an import's
refused rows) in the view or operation that produces it; the people an import's report names, in
that page's view; an erasure in `records.retention`; a list of people shown on a page or in an API
response, by `record_list_view`, from `register.access.listed` (one entry a list, naming everyone on
it); a refused request for a person's record, by `record_refusal`, from `register.access` (404) and
the `accounts.permissions.access_refused` signal (403). An entry needs a logged-in user or a named
system job (`Actor.system`): one with neither is refused with ValueError.
"""

from dataclasses import dataclass

from keywork.audit.address import client_address


@dataclass(frozen=True)
class Actor:
    """Who is acting, in which service, from where: a logged-in user or a named system job."""

    user: object | None
    service: object | None
    ip_address: str | None = None
    path: str = ""
    system_process: str = ""

    @classmethod
    def from_request(cls, request) -> "Actor":
        return cls(
            user=request.user if request.user.is_authenticated else None,
            service=request.service,
            ip_address=client_address(request),
            path=request.get_full_path()[:500],
        )

    @classmethod
    def system(cls, process: str, service) -> "Actor":
        return cls(user=None, service=service, system_process=process)


def record(actor: Actor, operation: str, obj, *, person_id: int | None = None, changes: dict | None = None):
    """Append one audit entry. Refuses to record an anonymous action."""
    # Imported here: this package is imported before Django's apps are ready.
    from django.contrib.contenttypes.models import ContentType

    from keywork.audit.models import AuditEntry

    _require_someone(actor)
    return AuditEntry.objects.create(
        actor=actor.user,
        system_process=actor.system_process,
        service=actor.service,
        operation=operation,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        person_id=person_id,
        changes=changes or {},
        ip_address=actor.ip_address,
        path=actor.path,
    )


def record_many(actor: Actor, operation: str, people) -> None:
    """Append one entry per person record, in bulk (the seed writes thousands)."""
    record_bulk(actor, operation, [(person, person.pk, None) for person in people])


def record_bulk(actor: Actor, operation: str, entries) -> None:
    """Append one entry per (record, person id, changes), in bulk: an import writes tens of thousands."""
    from django.contrib.contenttypes.models import ContentType

    from keywork.audit.models import AuditEntry

    _require_someone(actor)
    content_types = {}
    rows = []
    for obj, person_id, changes in entries:
        model = type(obj)
        if model not in content_types:
            content_types[model] = ContentType.objects.get_for_model(obj)
        rows.append(
            AuditEntry(
                actor=actor.user,
                system_process=actor.system_process,
                service=actor.service,
                operation=operation,
                content_type=content_types[model],
                object_id=str(obj.pk),
                person_id=person_id,
                changes=changes or {},
                ip_address=actor.ip_address,
                path=actor.path,
            )
        )
    AuditEntry.objects.bulk_create(rows, batch_size=2000)


def record_list_view(request, model, person_ids, *, what: str, details: dict | None = None):
    """One entry for a list of `model` records shown to the request, naming the people on it.

    Two inserts whatever the list's length: the entry, then its people in one bulk insert, so
    `AuditEntry.objects.about_person(id)` (their trail, the subject access pack) finds the list."""
    from django.contrib.contenttypes.models import ContentType

    from keywork.audit.models import AuditEntry, Operation, PersonShown

    actor = Actor.from_request(request)
    _require_someone(actor)
    shown = sorted(set(person_ids))
    entry = AuditEntry.objects.create(
        actor=actor.user,
        service=actor.service,
        operation=Operation.LIST,
        content_type=ContentType.objects.get_for_model(model),
        object_id="",
        changes={"list": what, "people": len(shown)} | (details or {}),
        ip_address=actor.ip_address,
        path=actor.path,
    )
    PersonShown.objects.bulk_create([PersonShown(entry=entry, person_id=person_id) for person_id in shown])
    return entry


def record_refusal(request, model, tried, *, person_id: int | None, status: int):
    """A refused request for a record about a person: the id tried, and the person when they exist
    (in whichever service), so auditors see who tried to reach whom. The user sees only the 403/404."""
    from django.contrib.contenttypes.models import ContentType

    from keywork.audit.models import AuditEntry, Operation

    actor = Actor.from_request(request)
    if actor.user is None:
        return None
    return AuditEntry.objects.create(
        actor=actor.user,
        service=actor.service,
        operation=Operation.REFUSED,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(tried)[:64],
        person_id=person_id,
        changes={"status": status},
        ip_address=actor.ip_address,
        path=actor.path,
    )


def _require_someone(actor: Actor) -> None:
    if actor.user is None and not actor.system_process:
        raise ValueError("An audit entry needs a user or a named system process")
