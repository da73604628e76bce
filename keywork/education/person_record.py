"""What education holds about a person: their EHCP, education settings over time, and exclusions,
part-time timetables and attendance concerns; in the pack, and as FHIR.

FHIR: the EHCP is an R4 CarePlan (UK Core has no CarePlan profile; category "Education, Health and
Care Plan", its period from the date issued, the annual review as an activity); each setting a UK
Core Observation (social history, effective over the dates attended); each exclusion, part-time
timetable or attendance concern a UK Core Flag (category "Education", its period the dates)."""

from keywork.education import person_page
from keywork.education.choices import EhcpStatus
from keywork.education.models import Ehcp
from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section

OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"


def pack(person) -> list[Section]:
    return [
        section(
            "Education, Health and Care Plan",
            Ehcp.objects.filter(person=person),
            [
                Column("Has an EHCP", "status"),
                Column("Date issued", "issued_on"),
                Column("Local authority that maintains it", "local_authority"),
                Column("Next annual review due", "next_annual_review_due"),
            ],
        ),
        section(
            "Education settings",
            person.education_settings.order_by("starts_on", "id"),
            [
                Column("Setting", "name"),
                Column("Type", "setting_type"),
                Column("In or out of area", "area"),
                Column("Miles from home", "distance_miles"),
                Column("Started", "starts_on"),
                Column("Left", "ends_on"),
            ],
        ),
        section(
            "Exclusions, part-time timetables and attendance concerns",
            person.education_events.order_by("starts_on", "id"),
            [
                Column("What happened", "kind"),
                Column("Started", "starts_on"),
                Column("Ended", "ends_on"),
                Column("Notes", "notes"),
            ],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    person, subject = record.person, record.subject
    record.add(ehcp_care_plan(person, subject))
    record.add(*setting_observations(person, subject), *event_flags(person, subject))


def ehcp_care_plan(person, subject: dict) -> dict | None:
    ehcp = Ehcp.objects.filter(person=person, status=EhcpStatus.YES).first()
    if ehcp is None:
        return None
    review = ehcp.next_annual_review_due
    activity = {"detail": {"status": "scheduled", "description": "Annual review", "scheduledString": date(review)}}
    return without_empty(
        {
            "resourceType": "CarePlan",
            "id": resource_id("CarePlan/ehcp", ehcp.pk),
            "status": "active",
            "intent": "plan",
            "category": [{"text": "Education, Health and Care Plan"}],
            "title": "Education, Health and Care Plan",
            "subject": reference(subject),
            "period": without_empty({"start": date(ehcp.issued_on)}),
            "author": {"display": ehcp.local_authority} if ehcp.local_authority else None,
            "activity": [activity] if review else [],
        }
    )


def setting_observations(person, subject: dict) -> list[dict]:
    return [
        without_empty(
            {
                "resourceType": "Observation",
                "id": resource_id("Observation/education", setting.pk),
                "meta": {"profile": [UK_CORE + "UKCore-Observation"]},
                "status": "final",
                "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "social-history"}]}],
                "code": {"text": "Education setting"},
                "subject": reference(subject),
                "effectivePeriod": without_empty({"start": date(setting.starts_on), "end": date(setting.ends_on)}),
                "valueString": f"{setting.get_setting_type_display()}: {setting.name}".rstrip(": "),
                "note": [{"text": setting.get_area_display()}],
            }
        )
        for setting in person.education_settings.order_by("starts_on", "id")
    ]


def event_flags(person, subject: dict) -> list[dict]:
    return [
        without_empty(
            {
                "resourceType": "Flag",
                "id": resource_id("Flag/education", event.pk),
                "meta": {"profile": [UK_CORE + "UKCore-Flag"]},
                "status": "inactive" if event.ends_on else "active",
                "category": [{"text": "Education"}],
                "code": {"text": event.get_kind_display()},
                "subject": reference(subject),
                "period": without_empty({"start": date(event.starts_on), "end": date(event.ends_on)}),
            }
        )
        for event in person.education_events.order_by("starts_on", "id")
    ]


PART = Part(
    "education",
    page_sections=(PageSection("education", person_page.education_section),),
    alerts=(person_page.alerts,),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={
        "education.EducationSetting.version": VERSION_LEFT_OUT,
        "education.Ehcp.version": VERSION_LEFT_OUT,
        "education.EducationEvent.version": VERSION_LEFT_OUT,
    },
)
