"""What assessments hold about a person: each assessment (in the subject access pack and, as FHIR, a UK
Core DiagnosticReport: the specialist's findings as its conclusion, the assessor as performer) and
the reports uploaded for them (copied into the pack, deleted on erasure). Their recommendations are
the reviews app's actions, which its own pack section lists with where each was raised."""

from keywork.assessments import person_page
from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part, StoredFile
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.reviews.files import safe_report_name

REPORT_REVIEW_REASON = "assessment reports may name and describe family members and other professionals"


def pack(person) -> list[Section]:
    return [
        section(
            "Assessments",
            person.assessments.select_related("assessor_staff").order_by("assessed_on", "id"),
            [
                Column("Kind", "kind"),
                Column("Areas assessed", lambda assessment: ", ".join(assessment.area_labels), covers=("areas",)),
                Column("Date assessed", "assessed_on"),
                Column(
                    "Assessor",
                    lambda assessment: assessment.assessor_display,
                    about_others=True,
                    covers=("assessor_staff", "assessor_name", "assessor_organisation"),
                ),
                Column("Summary", "summary"),
                Column(
                    "Report (in the ZIP)",
                    lambda assessment: assessment.report_name or assessment.report.name,
                    covers=("report", "report_name"),
                ),
            ],
        )
    ]


def stored_reports(person) -> list[StoredFile]:
    return [
        StoredFile(
            f"reports/assessment-{assessment.pk}-{safe_report_name(assessment)}",
            assessment.report,
            REPORT_REVIEW_REASON,
        )
        for assessment in person.assessments.exclude(report="").order_by("id")
    ]


def fhir(record: FhirRecord) -> None:
    assessments = record.person.assessments.select_related("assessor_staff").order_by("assessed_on", "id")
    record.add(*(diagnostic_report(assessment, record.subject) for assessment in assessments))


def diagnostic_report(assessment, subject: dict) -> dict:
    areas = ", ".join(assessment.area_labels)
    return without_empty(
        {
            "resourceType": "DiagnosticReport",
            "id": resource_id("DiagnosticReport/assessment", assessment.pk),
            "meta": {"profile": [UK_CORE + "UKCore-DiagnosticReport"]},
            "status": "final",
            "category": [{"text": assessment.get_kind_display()}],
            "code": {"text": f"{assessment.name}" + (f": {areas}" if areas else "")},
            "subject": reference(subject),
            "effectiveDateTime": date(assessment.assessed_on),
            "performer": [{"display": assessment.assessor_display}],
            "conclusion": assessment.summary,
        }
    )


PART = Part(
    "assessments",
    page_sections=(PageSection("reviews", person_page.assessments_section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    files=stored_reports,
    left_out={"assessments.Assessment.version": VERSION_LEFT_OUT},
)
