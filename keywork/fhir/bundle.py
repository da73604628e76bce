"""One person's record as a FHIR R4 Bundle ("collection" to download, "searchset" from $everything).

Resources follow the UK Core profiles where UK Core publishes one (Patient, Condition, Flag,
Encounter: meta.profile names them); CarePlan, CareTeam and Goal are plain FHIR R4. Every resource
has an id, its entry a fullUrl "urn:uuid:<id>", and every reference between them is to a fullUrl in
the Bundle. Ids are UUIDs derived from the record's key, so exporting the same record again gives
the same ids (the Bundle's own id and timestamp are new each time).
"""

import datetime
import uuid
from html import escape

from django.utils import timezone

from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import Admission
from keywork.register.choices import Condition, RegisterStatus, Sex

UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/"
NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"
SNOMED_CT = "http://snomed.info/sct"
CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
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

# Namespace for the ids of exported resources: uuid5 of this and "<kind>/<primary key>".
_NAMESPACE = uuid.UUID("6f1c4a52-3d0e-4b7e-9a51-2f8e0c7d9b13")

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


def resource_id(kind: str, pk) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}/{pk}"))


def full_url(resource: dict) -> str:
    return f"urn:uuid:{resource['id']}"


def reference(resource: dict, display: str = "") -> dict:
    ref = {"reference": full_url(resource)}
    if display:
        ref["display"] = display
    return ref


def _date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _without_empty(data: dict) -> dict:
    """FHIR forbids empty values: drop None, "" and empty lists and objects."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def patient(person) -> dict:
    names = [{"use": "official", "family": person.family_name, "given": [person.given_name]}]
    if person.preferred_name:
        names.append({"use": "usual", "given": [person.preferred_name]})
    return _without_empty(
        {
            "resourceType": "Patient",
            "id": resource_id("Patient", person.pk),
            "meta": {"profile": [UK_CORE + "UKCore-Patient"]},
            "identifier": [
                {"extension": [NHS_NUMBER_VERIFICATION], "system": NHS_NUMBER_SYSTEM, "value": person.nhs_number}
            ],
            "name": names,
            "gender": GENDER.get(person.sex, "unknown"),
            "birthDate": _date(person.date_of_birth),
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
            kept = f"kept while in hospital; a review of {change.effective_on} said {change.get_rating_display()}"
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
                "period": _without_empty({"start": _date(change.effective_on), "end": _date(end)}),
            }
        )
    return flags


def _left_register_on(person) -> datetime.date | None:
    return person.status_changed_on if person.status != RegisterStatus.ACTIVE else None


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
    admissions = Admission.objects.filter(person=person).prefetch_related("legal_status_changes")
    resources = []
    for admission in admissions.order_by("admitted_on", "id"):
        statuses = sorted(admission.legal_status_changes.all(), key=lambda change: (change.effective_on, change.pk))
        legal_status = [_legal_status("admission", statuses[0])] if statuses else []
        if statuses and admission.discharged_on:
            legal_status.append(_legal_status("discharge", statuses[-1]))
        destination = admission.discharge_destination
        hospitalization = {"dischargeDisposition": {"text": destination}} if destination else None
        resources.append(
            _without_empty(
                {
                    "resourceType": "Encounter",
                    "id": resource_id("Encounter", admission.pk),
                    "meta": {"profile": [UK_CORE + "UKCore-Encounter"]},
                    "text": _legal_status_history(statuses) if statuses else None,
                    "extension": legal_status,
                    "status": "finished" if admission.discharged_on else "in-progress",
                    "class": {"system": ACT_CODE, "code": "IMP", "display": "inpatient encounter"},
                    "subject": reference(subject),
                    "period": _without_empty(
                        {"start": _date(admission.admitted_on), "end": _date(admission.discharged_on)}
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


def goals(person, subject: dict) -> list[dict]:
    resources = []
    for goal in person.goals.prefetch_related("ratings"):
        notes = [{"text": f"Set with {goal.set_with}"}] if goal.set_with else []
        for rating in goal.ratings_in_order():
            text = f"Goal attainment scaling {rating.score:+d} on {rating.rated_on.isoformat()}"
            notes.append({"text": f"{text}: {rating.note}" if rating.note else text})
        resources.append(
            _without_empty(
                {
                    "resourceType": "Goal",
                    "id": resource_id("Goal", goal.pk),
                    "lifecycleStatus": "active",
                    "description": {"text": goal.description},
                    "subject": reference(subject),
                    "startDate": _date(goal.set_on),
                    "note": notes,
                }
            )
        )
    return resources


def _user_name(user) -> str:
    return user.get_full_name() or user.username


def care_team(person, subject: dict) -> dict | None:
    """The team around the person: current keyworkers and the professionals involved."""
    today = timezone.localdate()
    participants = [
        {
            "role": [{"text": allocation.get_worker_type_display()}],
            "member": {"display": _user_name(allocation.worker)},
            "period": _without_empty({"start": _date(allocation.starts_on), "end": _date(allocation.ends_on)}),
        }
        for allocation in person.allocations.current(today).select_related("worker").order_by("starts_on", "id")
    ]
    for involvement in person.involvements.select_related("professional"):
        if involvement.ended_on and involvement.ended_on < today:
            continue
        professional = involvement.professional
        role = involvement.role_for_person + (" (lead professional)" if involvement.is_lead else "")
        participants.append(
            _without_empty(
                {
                    "role": [{"text": role}],
                    "member": {"display": f"{professional.name}, {professional.role}"},
                    "onBehalfOf": {"display": professional.organisation} if professional.organisation else None,
                    "period": _without_empty({"end": _date(involvement.ended_on)}),
                }
            )
        )
    if not participants:
        return None
    return {
        "resourceType": "CareTeam",
        "id": resource_id("CareTeam", person.pk),
        "status": "active",
        "name": f"Team around {person.full_name}",
        "subject": reference(subject),
        "participant": participants,
    }


def care_plan(person, subject: dict, team: dict | None, goal_resources: list[dict]) -> dict | None:
    """The current (latest) version of the support and crisis plan."""
    plan = person.support_plans.select_related("saved_by").order_by("-version").first()
    if plan is None:
        return None
    sections = [
        ("What helps", plan.what_helps),
        ("Known triggers", plan.triggers),
        ("Early warning signs", plan.early_warning_signs),
        ("Who to call", plan.who_to_call),
        ("Agreed responses", plan.agreed_responses),
    ]
    return _without_empty(
        {
            "resourceType": "CarePlan",
            "id": resource_id("CarePlan", plan.pk),
            "status": "active",
            "intent": "plan",
            "category": [{"text": "Support and crisis plan"}],
            "title": f"Support and crisis plan, version {plan.version}",
            "subject": reference(subject),
            "created": timezone.localtime(plan.saved_at).isoformat() if plan.saved_at else None,
            "author": {"display": _user_name(plan.saved_by)},
            "careTeam": [reference(team)] if team else [],
            "goal": [reference(goal) for goal in goal_resources],
            "note": [{"text": f"{title}: {text}"} for title, text in sections if text],
        }
    )


def person_bundle(person, searchset: bool = False) -> dict:
    """The person's record as a Bundle: "collection" for a download; "searchset" for the
    $everything operation, whose definition says so (the Patient a match, the rest included)."""
    subject = patient(person)
    goal_resources = goals(person, subject)
    team = care_team(person, subject)
    resources = [
        subject,
        *conditions(person, subject),
        *rating_flags(person, subject),
        *encounters(person, subject),
        *([team] if team else []),
        *filter(None, [care_plan(person, subject, team, goal_resources)]),
        *goal_resources,
    ]
    entries = [{"fullUrl": full_url(resource), "resource": resource} for resource in resources]
    bundle = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": timezone.now().isoformat()},
        "type": "searchset" if searchset else "collection",
        "timestamp": timezone.now().isoformat(),
    }
    if searchset:
        for entry in entries:
            entry["search"] = {"mode": "match" if entry["resource"] is subject else "include"}
        bundle["total"] = 1  # the number of matches: the one Patient
    return bundle | {"entry": entries}
