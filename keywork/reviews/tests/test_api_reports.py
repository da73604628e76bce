"""Review reports through the JSON API: a PDF or Word document, checked by its content rather than
its name, under a size limit; then downloaded from the page route with an audit entry, and only by
people who may see the person."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.reviews.models import Review
from keywork.testing.api import Api
from keywork.testing.factories import allocate
from keywork.testing.pages import logged_in

from .test_api import errors

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_bytes(names=("[Content_Types].xml", "word/document.xml")) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


def upload(api, review, name: str, content: bytes):
    return api.upload(f"/api/reviews/{review.pk}/report", {"report": SimpleUploadedFile(name, content)})


def stored_files(settings) -> list:
    return [path for path in settings.PRIVATE_FILES_ROOT.rglob("*") if path.is_file()]


def download(user, review):
    return logged_in(user).http.get(f"/reviews/{review.pk}/report/")


# Uploading ----------------------------------------------------------------------------------------


def test_a_pdf_report_is_accepted(api, review):
    response = upload(api, review, "report.pdf", PDF)

    assert response.status_code == 200, response.content
    assert response.json()["has_report"] is True
    review.refresh_from_db()
    assert review.report_name == "report.pdf"


def test_an_accepted_report_is_stored_privately_with_its_name(api, review, settings):
    upload(api, review, "report.pdf", PDF)

    review.refresh_from_db()
    assert review.report_name == "report.pdf"
    (stored,) = stored_files(settings)
    assert stored.read_bytes() == PDF


def test_the_review_lists_as_having_a_report_once_uploaded(api, review):
    upload(api, review, "report.pdf", PDF)

    (listed,) = api.get("/api/reviews").json()

    assert listed["has_report"] is True


def test_a_text_file_named_as_a_pdf_is_refused(api, review, settings):
    response = upload(api, review, "report.pdf", b"Minutes of the panel, typed up\n")

    assert "PDF (.pdf) or a Word document (.docx)" in errors(response)["report"][0]
    review.refresh_from_db()
    assert not review.report
    assert stored_files(settings) == []


def test_a_zip_file_that_is_not_a_word_document_is_refused(api, review):
    response = upload(api, review, "report.docx", docx_bytes(names=("[Content_Types].xml", "a.txt")))

    assert "PDF (.pdf) or a Word document (.docx)" in errors(response)["report"][0]


def test_a_report_over_the_size_limit_is_refused(api, review, settings):
    settings.REVIEW_REPORT_MAX_BYTES = 64
    assert len(PDF) > 64

    response = upload(api, review, "report.pdf", PDF)

    assert "smaller than" in errors(response)["report"][0]
    review.refresh_from_db()
    assert not review.report
    assert stored_files(settings) == []


def test_a_report_at_the_size_limit_is_accepted(api, review, settings):
    settings.REVIEW_REPORT_MAX_BYTES = len(PDF)

    response = upload(api, review, "report.pdf", PDF)

    assert response.status_code == 200, response.content
    assert response.json()["has_report"] is True
    (stored,) = stored_files(settings)
    assert stored.read_bytes() == PDF


def test_a_word_document_is_accepted_as_a_report(api, review):
    response = upload(api, review, "report.docx", docx_bytes())

    assert response.status_code == 200, response.content
    assert response.json()["has_report"] is True
    review.refresh_from_db()
    assert review.report_name == "report.docx"


def test_a_report_for_a_review_of_another_service_is_not_found(other_service, make_user, review):
    response = upload(Api(make_user(other_service, Role.ADMIN)), review, "report.pdf", PDF)

    assert response.status_code == 404
    review.refresh_from_db()
    assert not review.report


# Downloading --------------------------------------------------------------------------------------


@pytest.fixture
def with_pdf(api, review) -> Review:
    assert upload(api, review, "report.pdf", PDF).status_code == 200
    return review


def test_a_user_who_may_see_the_person_downloads_the_report(coordinator_user, with_pdf):
    response = download(coordinator_user, with_pdf)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="report.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_a_downloaded_word_report_is_served_as_a_word_document(api, coordinator_user, review):
    upload(api, review, "report.docx", docx_bytes())

    response = download(coordinator_user, review)

    assert response["Content-Type"] == DOCX_TYPE
    assert b"".join(response.streaming_content) == docx_bytes()


def test_a_download_writes_an_export_audit_entry(coordinator_user, person, with_pdf):
    download(coordinator_user, with_pdf)

    entry = AuditEntry.objects.for_object(with_pdf).get(operation="export")
    assert (entry.actor, entry.person_id, entry.changes) == (coordinator_user, person.pk, {"report": "report.pdf"})


def test_a_user_of_another_service_gets_not_found_for_the_report(other_service, make_user, with_pdf):
    response = download(make_user(other_service, Role.ADMIN), with_pdf)

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(operation="export").exists()


def test_a_keyworker_not_allocated_to_the_person_gets_not_found_for_the_report(service, make_user, with_pdf):
    response = download(make_user(service, Role.KEYWORKER), with_pdf)

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(operation="export").exists()


def test_a_keyworker_allocated_to_the_person_downloads_the_report(service, make_user, person, with_pdf):
    keyworker = make_user(service, Role.KEYWORKER)
    allocate(person, keyworker)

    assert download(keyworker, with_pdf).status_code == 200


def test_a_review_without_a_report_has_nothing_to_download(coordinator_user, review):
    assert download(coordinator_user, review).status_code == 404
