"""What the service holds on a person, section by section: the one source of the pack's PDF and JSON.

Each app declares its own sections (its person_record module's `pack`); the pack adds the audit
log's account of who has seen and changed the record.
"""

from keywork import personrecord
from keywork.audit.models import AuditEntry
from keywork.personrecord.pack import Column, Section, section, staff_name


def person_sections(person) -> list[Section]:
    """Every kind of record held on the person, in the order a reader would follow their story."""
    return [*personrecord.pack_sections(person), audit_trail_section(person)]


def _audit_who(entry: AuditEntry) -> str:
    return staff_name(entry.actor) if entry.actor_id else f"System process: {entry.system_process}"


def audit_trail_section(person) -> Section:
    """Who has seen and changed the record, oldest first: the audit log's entries about the person,
    and the lists that showed them."""
    entries = (
        AuditEntry.objects.about_person(person.pk).select_related("actor", "content_type").order_by("created_at", "id")
    )
    return section(
        "Who has seen and changed this record",
        entries,
        [
            Column("When", "created_at"),
            Column("Who", _audit_who, about_others=True),
            Column("What", "operation"),
            Column("Record", lambda entry: entry.content_type.name),
        ],
    )
