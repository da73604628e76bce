"""What assessments add to the person's record: timeline entries, the subject access pack (with each
report file), a FHIR DiagnosticReport each, and erasure removing the stored reports."""

import json
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from fhir.resources.R4B.diagnosticreport import DiagnosticReport

from keywork import audit, personrecord
from keywork.assessments import operations
from keywork.assessments.models import Assessment
from keywork.assessments.person_record import diagnostic_report, pack
from keywork.personrecord.fhir import FhirRecord
from keywork.records import retention
from keywork.register.person_record import patient
from keywork.testing.dates import TODAY, days_ago

from .conftest import PDF


def test_an_assessment_is_a_valid_uk_core_diagnostic_report(child, assessment_of):
    assessment = assessment_of(child, kind="occupational_therapy", areas=["equipment"])
    record = FhirRecord(child)
    record.add(patient(child))
    resource = diagnostic_report(assessment, record.subject)
    DiagnosticReport.model_validate(json.loads(json.dumps(resource)))
    assert resource["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-DiagnosticReport"]
    assert resource["code"]["text"] == "Occupational therapy assessment: Equipment and adaptations"
    assert resource["conclusion"] == assessment.summary
    assert resource["performer"] == [{"display": "Dr Ana Khan (Kent Community Health)"}]


def test_the_pack_lists_each_assessment_and_the_assessor_is_for_review(child, assessment_of):
    assessment_of(child, kind="communication", areas=[], assessed_on=days_ago(4))
    [section] = pack(child)
    assert section.title == "Assessments" and len(section.rows) == 1 and section.for_review


def test_the_report_is_a_stored_file_of_the_person_and_goes_on_erasure(
    child, assessment_of, manager, service, django_capture_on_commit_callbacks
):
    assessment = assessment_of(child)
    assessment.report = SimpleUploadedFile("ot.pdf", PDF)
    operations.save_assessment(audit.Actor(manager, service), assessment, assessment.version)
    [stored] = [s for s in personrecord.stored_files(child) if s.name.startswith("reports/assessment-")]
    assert stored.name == f"reports/assessment-{assessment.pk}-ot.pdf" and stored.review_reason
    path = Path(assessment.report.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert retention.erase(child, on=TODAY)
    assert not path.exists() and not Assessment.objects.exists()


def test_timeline_shows_each_assessment_with_its_assessor(child, assessment_of, rf, manager):
    assessment_of(child, assessed_on=days_ago(8))
    request = rf.get("/")
    request.user = manager
    [event] = [event for event in personrecord.timeline_events(request, child) if event.kind == "Assessments"]
    assert event.on == days_ago(8) and event.title == "Occupational therapy assessment"
    assert event.detail == "Dr Ana Khan (Kent Community Health)"
