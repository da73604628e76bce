"""What the decision support tool holds about a person: each assessment with its answers and
evidence, in the subject access pack, and as FHIR.

FHIR: a RiskAssessment (FHIR R4 base resource) per assessment. UK Core has no RiskAssessment
profile, and its design principles say to use the HL7 base resource where none exists, so the
resource names no profile. Its prediction is the rating the tool suggested (with the score as
`relativeRisk`, the share of the highest score), its basis the rating history entry it made (the
Flag the register exports); each domain's answer and evidence, and the rating chosen with the
reason it differs, are in `note`. Someone in hospital gets no suggestion, so no prediction."""

from keywork.decisionsupport import person_page
from keywork.decisionsupport.models import RatingAnswer
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.register.choices import Rating

THE_RATING_HISTORY = "the rating it made is in the rating history section, with the same date and reason"


def pack(person) -> list[Section]:
    return [
        section(
            "Decision support tool assessments",
            person.rating_assessments.order_by("assessed_on", "id"),
            [
                Column("Date", "assessed_on"),
                Column("Score", "score"),
                Column("Highest possible score", "highest_score"),
                Column("Rating suggested", "suggested_rating"),
                Column("Rating chosen", "chosen_rating"),
                Column("Why the rating differs from the suggestion", "override_reason"),
            ],
        ),
        section(
            "Decision support tool answers",
            RatingAnswer.objects.filter(assessment__person=person).order_by("assessment__assessed_on", "position"),
            [
                Column("Assessment date", "assessment__assessed_on"),
                Column("Domain", "domain_name"),
                Column("Weight", "weight"),
                Column("Answer", "level"),
                Column("Evidence", "evidence"),
            ],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    record.add(*risk_assessments(record))


def risk_assessments(record: FhirRecord) -> list[dict]:
    flags = {flag["id"]: flag for flag in record.of_type("Flag")}
    resources = []
    for assessment in record.person.rating_assessments.prefetch_related("answers").order_by("assessed_on", "id"):
        basis = flags.get(resource_id("Flag", assessment.rating_change_id))
        notes = [
            f"{answer.domain_name} (weight {answer.weight}): {answer.get_level_display()}. {answer.evidence}".strip()
            for answer in assessment.answers.all()
        ]
        chosen = f"Rating chosen: {Rating(assessment.chosen_rating).name.lower()}"
        if assessment.override_reason:
            chosen += f", because {assessment.override_reason}"
        resources.append(
            without_empty(
                {
                    "resourceType": "RiskAssessment",
                    "id": resource_id("RiskAssessment", assessment.pk),
                    "status": "final",
                    "code": {"text": "Dynamic Support Register decision support tool"},
                    "subject": reference(record.subject),
                    "occurrenceDateTime": date(assessment.assessed_on),
                    "basis": [reference(basis)] if basis else [],
                    "prediction": [_prediction(assessment)] if assessment.suggested_rating else [],
                    "note": [{"text": text} for text in [*notes, chosen]],
                }
            )
        )
    return resources


def _prediction(assessment) -> dict:
    return {
        "outcome": {"text": f"Suggested rating: {Rating(assessment.suggested_rating).name.lower()}"},
        "relativeRisk": round(assessment.score / assessment.highest_score, 2) if assessment.highest_score else 0,
        "rationale": f"Score {assessment.score} of {assessment.highest_score}",
    }


PART = Part(
    "decisionsupport",
    page_sections=(PageSection("details", person_page.section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={
        "decisionsupport.RatingAssessment.rating_change": THE_RATING_HISTORY,
        "decisionsupport.RatingAnswer.domain": "the domain's name and weight are shown as they were when answered",
        "decisionsupport.RatingAnswer.position": "the order the answers were asked in, which the table follows",
    },
)
