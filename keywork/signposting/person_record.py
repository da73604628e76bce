"""What signposting holds about a person: each signposting and its outcome, on the keywork sub-page
(a short section linking to its own page), the timeline, the subject access pack, and as FHIR: a UK
Core ServiceRequest each, with intent "proposal" (signposting suggests a service; it does not order
one, as a referral does), status active while waiting, completed once attended and revoked if not
taken up, the service or group as its performer."""

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.signposting import person_page
from keywork.signposting.choices import Outcome

STATUS = {Outcome.WAITING: "active", Outcome.ATTENDED: "completed", Outcome.NOT_TAKEN_UP: "revoked"}


def pack(person) -> list[Section]:
    return [
        section(
            "Signposting and community connections",
            person.signpostings.order_by("signposted_on", "id"),
            [
                Column("Date signposted", "signposted_on"),
                Column("Service or group", "organisation"),
                Column("Kind", "kind"),
                Column("Outcome", "outcome"),
                Column("Date of the outcome", "outcome_on"),
                Column("Notes", "notes"),
                Column("Type of worker", "recorded_as"),
            ],
        )
    ]


def fhir(record: FhirRecord) -> None:
    record.add(*service_requests(record.person, record.subject))


def service_requests(person, subject: dict) -> list[dict]:
    return [
        without_empty(
            {
                "resourceType": "ServiceRequest",
                "id": resource_id("ServiceRequest/signposting", signposting.pk),
                "meta": {"profile": [UK_CORE + "UKCore-ServiceRequest"]},
                "status": STATUS[signposting.outcome],
                "intent": "proposal",
                "category": [{"text": "Signposting"}],
                "code": {"text": signposting.get_kind_display()},
                "subject": reference(subject),
                "authoredOn": date(signposting.signposted_on),
                "performer": [{"display": signposting.organisation}],
                "note": [{"text": signposting.notes}] if signposting.notes else [],
            }
        )
        for signposting in person.signpostings.order_by("signposted_on", "id")
    ]


PART = Part(
    "signposting",
    page_sections=(PageSection("keywork", person_page.signposting_section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={"signposting.Signposting.version": VERSION_LEFT_OUT},
)
