"""What safeguarding holds about a person: statuses over time and concerns raised, in the subject
access pack, and as FHIR: a UK Core Flag per status (category "safety"), active while it is current.

Concerns are not exported as FHIR: the export cannot tell whether its reader may read restricted
notes, so concerns follow contact notes, which the export leaves out too. The subject access pack
holds them, each row for review before release (they may name other people and are restricted)."""

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.safeguarding import person_page

FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category"
CONCERNS_FOR_REVIEW = "restricted safeguarding concerns, which may name or describe other people"


def pack(person) -> list[Section]:
    return [
        section(
            "Safeguarding statuses",
            person.safeguarding_statuses.order_by("starts_on", "id"),
            [
                Column("Status", "kind"),
                Column("Legal basis", "legal_basis"),
                Column("From", "starts_on"),
                Column("Until", "ends_on"),
                Column("Local authority", "local_authority"),
                Column("Social worker", "social_worker", about_others=True),
                Column("Social worker's phone or email", "social_worker_contact", about_others=True),
            ],
        ),
        section(
            "Safeguarding concerns",
            person.safeguarding_concerns.select_related("raised_by").order_by("raised_on", "id"),
            [
                Column("Raised", "raised_on"),
                Column("Raised by", "raised_by", about_others=True),
                Column("Category", "category"),
                Column("What happened", "what_happened"),
                Column("Referred to", "referred_to"),
                Column("Why not referred", "not_referred_reason"),
                Column("Outcome", "outcome"),
                Column("Date of the outcome", "outcome_on"),
                Column("Follow-up", "follow_up"),
                Column("Follow-up due", "follow_up_due_on"),
                Column("Follow-up done", "follow_up_done_on"),
            ],
            review_reason=CONCERNS_FOR_REVIEW,
        ),
    ]


def fhir(record: FhirRecord) -> None:
    record.add(*status_flags(record.person, record.subject))


def status_flags(person, subject: dict) -> list[dict]:
    flags = []
    for status in person.safeguarding_statuses.order_by("starts_on", "id"):
        basis = f" ({status.get_legal_basis_display()})" if status.legal_basis else ""
        flags.append(
            {
                "resourceType": "Flag",
                "id": resource_id("Flag/safeguarding", status.pk),
                "meta": {"profile": [UK_CORE + "UKCore-Flag"]},
                "status": "active" if status.is_current else "inactive",
                "category": [
                    {
                        "coding": [{"system": FLAG_CATEGORY, "code": "safety", "display": "Safety"}],
                        "text": "Safeguarding",
                    }
                ],
                "code": {"text": f"{status.get_kind_display()}{basis}"},
                "subject": reference(subject),
                "period": without_empty({"start": date(status.starts_on), "end": date(status.ends_on)}),
                "author": {"display": status.local_authority},
            }
        )
    return flags


PART = Part(
    "safeguarding",
    page_sections=(PageSection("safeguarding", person_page.safeguarding_section),),
    alerts=(person_page.alerts,),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={
        "safeguarding.SafeguardingStatus.version": VERSION_LEFT_OUT,
        "safeguarding.SafeguardingConcern.version": VERSION_LEFT_OUT,
    },
)
