"""The assessment pages: record one (with its report, checked by content), see it on its own page with
its recommendations as actions, download the report (audited), and the short list on the reviews
sub-page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.assessments.models import Assessment
from keywork.audit.models import AuditEntry, Operation
from keywork.register.record_pages import person_url
from keywork.reviews.models import Action
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate
from keywork.testing.pages import date_parts, logged_in

from .conftest import PDF


@pytest.fixture
def keyworker(service, child, make_user):
    worker = make_user(service, Role.KEYWORKER)
    allocate(child, worker)
    return logged_in(worker)


def post_assessment(client, person, report=None, **changes):
    data = {
        "kind": "occupational_therapy",
        "areas": ["sensory_processing", "equipment"],
        **date_parts("assessed_on", days_ago(2)),
        "assessor_name": "Dr Ana Khan",
        "assessor_organisation": "Kent Community Health",
        "summary": "Seeks deep pressure.",
        **changes,
    }
    if report is not None:
        data["report"] = report
    return client.http.post(reverse("assessments:add", args=[person.pk]), data)


def test_the_keyworker_records_an_ot_assessment_with_its_report_and_lands_on_its_page(keyworker, child):
    response = post_assessment(keyworker, child, SimpleUploadedFile("ot.pdf", PDF))
    assessment = Assessment.objects.get()
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    assert assessment.areas == ["sensory_processing", "equipment"] and assessment.report_name == "ot.pdf"
    assert AuditEntry.objects.filter(operation=Operation.CREATE, object_id=str(assessment.pk)).exists()
    page = keyworker.http.get(assessment.get_absolute_url()).content.decode()
    assert "Sensory processing, Equipment and adaptations" in page
    assert f'<a href="{reverse("assessments:report", args=[assessment.pk])}">Download the report</a> (ot.pdf)' in page


def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_saved(keyworker, child, settings):
    response = post_assessment(keyworker, child, SimpleUploadedFile("ot.pdf", b"PK\x03\x04 not a pdf"))
    assert response.status_code == 200
    assert "The report must be a PDF (.pdf) or a Word document (.docx)" in response.content.decode()
    assert not Assessment.objects.exists()
    assert not settings.PRIVATE_FILES_ROOT.exists() or not any(settings.PRIVATE_FILES_ROOT.rglob("*.*"))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"areas": []}, "Choose what the occupational therapy assessment looked at"),
        ({"kind": "educational_psychology"}, "Only an occupational therapy assessment has areas"),
        ({"assessor_name": ""}, "Choose the member of staff who assessed, or give the outside assessor"),
        (
            date_parts("assessed_on", TODAY.replace(year=TODAY.year + 1)),
            "The date assessed must be today or in the past",
        ),
    ],
)
def test_bad_input_shows_its_error_and_saves_nothing(keyworker, child, changes, message):
    response = post_assessment(keyworker, child, **changes)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Assessment.objects.exists()


def test_the_report_download_is_audited(keyworker, child):
    post_assessment(keyworker, child, SimpleUploadedFile("ot.pdf", PDF))
    assessment = Assessment.objects.get()
    response = keyworker.http.get(reverse("assessments:report", args=[assessment.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith('attachment; filename="ot.pdf"')
    assert AuditEntry.objects.filter(operation=Operation.EXPORT, object_id=str(assessment.pk)).exists()


def test_a_recommendation_is_added_as_an_action_and_shown_on_the_assessment(keyworker, child, assessment_of):
    assessment = assessment_of(child)
    data = {
        "recommendation": "Trial ear defenders in class",
        "owner_organisation": "School",
        **date_parts("due_on", TODAY),
    }
    response = keyworker.http.post(reverse("assessments:add_action", args=[assessment.pk]), data)
    assert response.status_code == 302 and response.url == assessment.get_absolute_url()
    action = Action.objects.get()
    assert action.source == assessment and action.person == child
    assert "Trial ear defenders in class" in keyworker.http.get(assessment.get_absolute_url()).content.decode()


def test_the_reviews_sub_page_lists_the_latest_three_and_folds_the_rest(keyworker, child, assessment_of):
    for days in (50, 40, 30, 20):
        assessment_of(child, assessed_on=days_ago(days))
    page = keyworker.http.get(person_url(child, "reviews")).content.decode()
    assert 'id="assessments"' in page and "1 earlier assessment" in page
    assert reverse("assessments:add", args=[child.pk]) in page


def test_the_coordinator_reads_the_list_without_a_link_to_record(as_role, child, assessment_of):
    assessment_of(child)
    coordinator = as_role(Role.COORDINATOR)
    page = coordinator.http.get(person_url(child, "reviews")).content.decode()
    assert "Occupational therapy assessment" in page and reverse("assessments:add", args=[child.pk]) not in page
    assert coordinator.http.get(reverse("assessments:add", args=[child.pk])).status_code == 403


def test_a_change_saved_by_someone_else_first_is_not_overwritten(keyworker, child, assessment_of):
    assessment = assessment_of(child)
    data = {
        "version": 1,
        "kind": "occupational_therapy",
        "areas": ["equipment"],
        **date_parts("assessed_on", assessment.assessed_on),
        "assessor_name": "Dr Ana Khan",
        "assessor_organisation": "Kent Community Health",
        "summary": "First",
    }
    url = reverse("assessments:edit", args=[assessment.pk])
    assert keyworker.http.post(url, data).status_code == 302
    assert keyworker.http.post(url, data | {"summary": "Second"}).status_code == 200
    assessment.refresh_from_db()
    assert assessment.summary == "First"
