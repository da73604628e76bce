"""What inpatient care holds about a person: admissions and their legal status under the Mental
Health Act, in the pack and as FHIR (a UK Core Encounter per admission)."""

from html import escape

from keywork.inpatient import person_page
from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import LegalStatusChange
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
# Mental Health Act legal status (UK Core Extension-UKCore-LegalStatus, NHS Data Dictionary codes).
LEGAL_STATUS_EXTENSION = UK_CORE + "Extension-UKCore-LegalStatus"
LEGAL_STATUS_CONTEXT = "https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusContext"
LEGAL_STATUS_CLASSIFICATION = "https://fhir.hl7.org.uk/CodeSystem/UKCore-LegalStatusClassificationEngland"
LEGAL_STATUS_CODES = {
    LegalStatus.INFORMAL: ("01", "Informal"),
    LegalStatus.SECTION_2: ("02", "Formally detained under Mental Health Act Section 2"),
    LegalStatus.SECTION_3: ("03", "Formally detained under Mental Health Act Section 3"),
    LegalStatus.SECTION_4: ("04", "Formally detained under Mental Health Act Section 4"),
    LegalStatus.SECTION_5_2: ("05", "Formally detained under Mental Health Act Section 5(2)"),
    LegalStatus.SECTION_37_41: (
        "09",
        "Formally detained under Mental Health Act Section 37 with section 41 restrictions",
    ),
    LegalStatus.SECTION_37: ("10", "Formally detained under Mental Health Act Section 37"),
    LegalStatus.SECTION_47_49: (
        "15",
        "Formally detained under Mental Health Act Section 47 with section 49 restrictions",
    ),
    LegalStatus.SECTION_135: ("19", "Formally detained under Mental Health Act Section 135"),
    LegalStatus.SECTION_136: ("20", "Formally detained under Mental Health Act Section 136"),
    LegalStatus.OTHER: ("32", "Formally detained under other acts"),
}


def pack(person) -> list[Section]:
    return [
        section(
            "Hospital admissions",
            person.admissions.order_by("admitted_on", "id"),
            [
                Column("Hospital", "hospital"),
                Column("Unit", "unit"),
                Column("Type of unit", "unit_type"),
                Column("Miles from home", "distance_miles"),
                Column("Admitted", "admitted_on"),
                Column("Planned discharge", "planned_discharge_on"),
                Column("Discharged", "discharged_on"),
                Column("Discharged to", "discharge_destination"),
                Column("Reasons discharge was delayed", "delay_reasons"),
            ],
        ),
        section(
            "Legal status in hospital",
            LegalStatusChange.objects.filter(admission__person=person)
            .select_related("admission")
            .order_by("effective_on", "id"),
            [Column("From", "effective_on"), Column("Status", "status"), Column("Hospital", "admission__hospital")],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    record.add(*encounters(record.person, record.subject))


def _legal_status(context: str, change) -> dict:
    code, display = LEGAL_STATUS_CODES[change.status]
    return {
        "url": LEGAL_STATUS_EXTENSION,
        "extension": [
            {
                "url": "legalStatusContext",
                "valueCodeableConcept": {
                    "coding": [{"system": LEGAL_STATUS_CONTEXT, "code": context, "display": context.title()}]
                },
            },
            {
                "url": "legalStatusClassification",
                "valueCodeableConcept": {
                    "coding": [{"system": LEGAL_STATUS_CLASSIFICATION, "code": code, "display": display}]
                },
            },
        ],
    }


def _legal_status_history(statuses) -> dict:
    """Every dated change of legal status, as the resource's narrative: UK Core's extension holds
    only the status on admission and on discharge."""
    lines = "".join(f"<li>{escape(change.get_status_display())} from {change.effective_on}</li>" for change in statuses)
    return {
        "status": "generated",
        "div": f'<div xmlns="http://www.w3.org/1999/xhtml"><p>Legal status</p><ul>{lines}</ul></div>',
    }


def encounters(person, subject: dict) -> list[dict]:
    admissions = person.admissions.prefetch_related("legal_status_changes")
    resources = []
    for admission in admissions.order_by("admitted_on", "id"):
        statuses = sorted(admission.legal_status_changes.all(), key=lambda change: (change.effective_on, change.pk))
        legal_status = [_legal_status("admission", statuses[0])] if statuses else []
        if statuses and admission.discharged_on:
            legal_status.append(_legal_status("discharge", statuses[-1]))
        destination = admission.discharge_destination
        hospitalization = {"dischargeDisposition": {"text": destination}} if destination else None
        resources.append(
            without_empty(
                {
                    "resourceType": "Encounter",
                    "id": resource_id("Encounter", admission.pk),
                    "meta": {"profile": [UK_CORE + "UKCore-Encounter"]},
                    "text": _legal_status_history(statuses) if statuses else None,
                    "extension": legal_status,
                    "status": "finished" if admission.discharged_on else "in-progress",
                    "class": {"system": ACT_CODE, "code": "IMP", "display": "inpatient encounter"},
                    "subject": reference(subject),
                    "period": without_empty(
                        {"start": date(admission.admitted_on), "end": date(admission.discharged_on)}
                    ),
                    "hospitalization": hospitalization,
                    "location": [{"location": {"display": f"{admission.unit} ({admission.get_unit_type_display()})"}}]
                    if admission.unit
                    else [],
                    "serviceProvider": {"display": admission.hospital},
                }
            )
        )
    return resources


PART = Part(
    "inpatient",
    page_sections=(PageSection("inpatient", person_page.inpatient_section),),
    alerts=(person_page.alerts,),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
)
