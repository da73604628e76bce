"""What the register holds about a person: their details, consent, family and rating history, in
the subject access pack and as FHIR (UK Core Patient, Condition, and a Flag per rating change)."""

import datetime

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import SNOMED_CT, UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, details_section, section
from keywork.presenters import format_nhs_number, uk_long_date
from keywork.register import person_page
from keywork.register.choices import Condition, RegisterStatus, Sex

NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
# The register checks an NHS number's check digit but never traces it against PDS: "02".
NHS_NUMBER_VERIFICATION = {
    "url": UK_CORE + "Extension-UKCore-NHSNumberVerificationStatus",
    "valueCodeableConcept": {
        "coding": [
            {
                "system": "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatusEngland",
                "code": "02",
                "display": "Number present but not traced",
            }
        ]
    },
}
# SNOMED CT codes for the register's conditions. Clinically reasonable choices, but they should be
# confirmed by the service's clinical safety officer (DCB0129/DCB0160) before the export is used to
# share records: 35919005 covers the autism spectrum as a whole; 408856003 "Autistic disorder" is
# the narrower alternative.
LEARNING_DISABILITY = {"system": SNOMED_CT, "code": "110359009", "display": "Intellectual disability (disorder)"}
AUTISM = {"system": SNOMED_CT, "code": "35919005", "display": "Pervasive developmental disorder (disorder)"}
CONDITION_WORDS = {LEARNING_DISABILITY["code"]: "Learning disability", AUTISM["code"]: "Autism"}
CONDITION_CODES = {
    Condition.LEARNING_DISABILITY: [LEARNING_DISABILITY],
    Condition.AUTISM: [AUTISM],
    Condition.BOTH: [LEARNING_DISABILITY, AUTISM],
}
# FHIR administrative gender from the register's sex (NHS Data Dictionary "Person stated gender").
GENDER = {Sex.FEMALE: "female", Sex.MALE: "male", Sex.INDETERMINATE: "other", Sex.NOT_KNOWN: "unknown"}

PERSON_DETAILS = [
    Column("NHS number", lambda person: format_nhs_number(person.nhs_number), covers=("nhs_number",)),
    Column("Name", lambda person: person.full_name, covers=("given_name", "family_name")),
    Column("Preferred name", "preferred_name"),
    Column("Date of birth", "date_of_birth"),
    Column("Sex", "sex"),
    Column("Gender identity", "gender_identity"),
    Column("Ethnicity", "ethnicity"),
    Column("Postcode", "postcode"),
    Column("Local authority", "local_authority"),
    Column("Learning disability or autism", "condition"),
    Column("Communication needs", "communication_needs"),
    Column("Referred by", "referral_source"),
    Column("Referral date", "referral_date"),
    Column("Register status", "status"),
    Column("Status reason", "status_reason"),
    Column("Register status changed", "status_changed_on"),
    Column("Archived", "archived_on"),
    Column("Current rating", "rating"),
    Column("Current rating took effect", "rating_effective_on"),
    Column("Next review due", "next_review_due"),
    Column("Service", "service__name"),
]


def pack(person) -> list[Section]:
    return [
        details_section("The person", person, PERSON_DETAILS),
        section(
            "Dynamic Support Register rating history",
            person.rating_changes.select_related("decided_by").order_by("effective_on", "id"),
            [
                Column("Took effect", "effective_on"),
                Column("Rating", "rating"),
                Column("Why it changed", "cause"),
                Column("Reason", "reason"),
                Column("Risk factors", lambda change: change.risk_factor_labels(), covers=("risk_factors",)),
                Column("Decided by", "decided_by", about_others=True),
                # Where it was decided (a DSR meeting); its link is to a page inside Keywork.
                Column("Decided at", "source_label", covers=("source_label", "source_url")),
            ],
        ),
        section(
            "Consent to be on the register",
            person.consents.select_related("recorded_by").order_by("decided_on", "id"),
            [
                Column("Date", "decided_on"),
                Column("Consent or decision", "basis"),
                Column("Given or decided by", "given_by", about_others=True),
                Column("Notes", "notes"),
                Column("Recorded by", "recorded_by", about_others=True),
            ],
        ),
        section(
            "Family and carers",
            person.family_contacts.all(),
            [
                Column("Name", "name", about_others=True),
                Column("Relationship", "relationship", about_others=True),
                Column("Phone", "phone", about_others=True),
                Column("Email", "email", about_others=True),
                Column("Parental responsibility", "has_parental_responsibility", about_others=True),
            ],
            review_reason="other people's contact details",
        ),
    ]


def fhir(record: FhirRecord) -> None:
    record.add(patient(record.person))
    record.add(*conditions(record.person, record.subject), *rating_flags(record.person, record.subject))


def patient(person) -> dict:
    names = [{"use": "official", "family": person.family_name, "given": [person.given_name]}]
    if person.preferred_name:
        names.append({"use": "usual", "given": [person.preferred_name]})
    return without_empty(
        {
            "resourceType": "Patient",
            "id": resource_id("Patient", person.pk),
            "meta": {"profile": [UK_CORE + "UKCore-Patient"]},
            "identifier": [
                {"extension": [NHS_NUMBER_VERIFICATION], "system": NHS_NUMBER_SYSTEM, "value": person.nhs_number}
            ],
            "name": names,
            "gender": GENDER.get(person.sex, "unknown"),
            "birthDate": date(person.date_of_birth),
            "address": [{"postalCode": person.postcode}] if person.postcode else [],
            "managingOrganization": {"display": person.service.name},
        }
    )


def conditions(person, subject: dict) -> list[dict]:
    return [
        {
            "resourceType": "Condition",
            "id": resource_id(f"Condition/{coding['code']}", person.pk),
            "meta": {"profile": [UK_CORE + "UKCore-Condition"]},
            "clinicalStatus": {"coding": [{"system": CONDITION_CLINICAL, "code": "active"}]},
            "verificationStatus": {"coding": [{"system": CONDITION_VERIFICATION, "code": "confirmed"}]},
            "category": [{"coding": [{"system": CONDITION_CATEGORY, "code": "problem-list-item"}]}],
            "code": {"coding": [coding], "text": CONDITION_WORDS[coding["code"]]},
            "subject": reference(subject),
        }
        for coding in CONDITION_CODES.get(person.condition, [])
    ]


def rating_flags(person, subject: dict) -> list[dict]:
    """A Flag per DSR rating change; each is in force until the next one. The latest is active while
    the person is on the register, and says the rating the register holds (an inpatient stays blue
    even if a review dated later gave another)."""
    changes = sorted(person.rating_changes.all(), key=lambda change: (change.effective_on, change.pk))
    flags = []
    for index, change in enumerate(changes):
        following = changes[index + 1] if index + 1 < len(changes) else None
        end = following.effective_on if following else _left_register_on(person)
        label = f"{change.get_rating_display()} ({change.get_cause_display()})"
        if following is None and person.rating and person.rating != change.rating:
            reviewed_on = uk_long_date(change.effective_on)
            kept = f"kept while in hospital; a review of {reviewed_on} said {change.get_rating_display()}"
            label = f"{person.get_rating_display()} ({kept})"
        flags.append(
            {
                "resourceType": "Flag",
                "id": resource_id("Flag", change.pk),
                "meta": {"profile": [UK_CORE + "UKCore-Flag"]},
                "status": "inactive" if end else "active",
                "category": [{"text": "Dynamic Support Register rating"}],
                "code": {"text": f"DSR rating: {label}"},
                "subject": reference(subject),
                "period": without_empty({"start": date(change.effective_on), "end": date(end)}),
            }
        )
    return flags


def _left_register_on(person) -> datetime.date | None:
    return person.status_changed_on if person.status != RegisterStatus.ACTIVE else None


PART = Part(
    "register",
    page_sections=(
        PageSection("details", person_page.details_section),
        PageSection("records", person_page.timeline_section),
        PageSection("records", person_page.audit_section),
    ),
    alerts=(person_page.alerts,),
    pack=pack,
    fhir=fhir,
    left_out={
        "register.Person.legal_hold": "a records-management marker the service keeps, not information about the person",
        "register.Person.legal_hold_since": "a records-management marker the service keeps",
        "register.Person.legal_hold_reason": "the service's reason for keeping records (often litigation): reviewed "
        "separately, not part of the person's care record",
        "register.Person.search_name": "the person's names again, folded (lower case, no accents) for the search",
        "register.Person.version": VERSION_LEFT_OUT,
        "register.Person.created_at": "when the entry was made is in the pack's audit trail",
        "register.Person.updated_at": "when the entry last changed is in the pack's audit trail",
    },
)
