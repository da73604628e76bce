"""What placements hold about a person: where they have lived, and placement breakdowns; in the
pack, and as FHIR: each placement a UK Core EpisodeOfCare (type "Living situation: foster care", its
period the dates lived there) and each breakdown a UK Core Flag (category "Placement breakdown")."""

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.placements import person_page


def pack(person) -> list[Section]:
    return [
        section(
            "Where the person has lived",
            person.placements.order_by("starts_on", "id"),
            [
                Column("Living situation", "kind"),
                Column("In or out of area", "area"),
                Column("From", "starts_on"),
                Column("To", "ends_on"),
            ],
        ),
        section(
            "Placement breakdowns",
            person.placement_breakdowns.order_by("occurred_on", "id"),
            [Column("Date", "occurred_on"), Column("What happened", "what_happened")],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    person, subject = record.person, record.subject
    record.add(*episodes(person, subject), *breakdown_flags(person, subject))


def episodes(person, subject: dict) -> list[dict]:
    return [
        without_empty(
            {
                "resourceType": "EpisodeOfCare",
                "id": resource_id("EpisodeOfCare/placement", placement.pk),
                "meta": {"profile": [UK_CORE + "UKCore-EpisodeOfCare"]},
                "status": "finished" if placement.ends_on else "active",
                "type": [{"text": f"Living situation: {placement.get_kind_display().lower()}"}],
                "patient": reference(subject),
                "period": without_empty({"start": date(placement.starts_on), "end": date(placement.ends_on)}),
            }
        )
        for placement in person.placements.order_by("starts_on", "id")
    ]


def breakdown_flags(person, subject: dict) -> list[dict]:
    return [
        {
            "resourceType": "Flag",
            "id": resource_id("Flag/placement-breakdown", breakdown.pk),
            "meta": {"profile": [UK_CORE + "UKCore-Flag"]},
            "status": "inactive",
            "category": [{"text": "Placement breakdown"}],
            "code": {"text": f"Placement breakdown: {breakdown.what_happened}"},
            "subject": reference(subject),
            "period": {"start": date(breakdown.occurred_on)},
        }
        for breakdown in person.placement_breakdowns.order_by("occurred_on", "id")
    ]


PART = Part(
    "placements",
    page_sections=(PageSection("education", person_page.placements_section),),
    alerts=(person_page.alerts,),
    timeline=(person_page.timeline_events,),
    risk_prompts=(person_page.risk_prompts,),
    pack=pack,
    fhir=fhir,
    left_out={
        "placements.Placement.version": VERSION_LEFT_OUT,
        "placements.PlacementBreakdown.version": VERSION_LEFT_OUT,
    },
)
