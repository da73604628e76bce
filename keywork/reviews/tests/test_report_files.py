"""What a review's report may be (by name and by content alike), how it is stored, and that replacing
it leaves one file on disk: the old one is deleted when the new one commits, and kept if it fails."""

import io
import stat
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from keywork import audit
from keywork.reviews import operations
from keywork.reviews.models import Review

from .test_api_reports import PDF, docx_bytes, stored_files, upload
from .test_api_reports import errors as refusals

WORD_PARTS = ("[Content_Types].xml", "word/document.xml")
MACRO_TYPE = '<Types><Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'


def word_with(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def refusal(api, review, name: str, content: bytes) -> str:
    response = upload(api, review, name, content)
    assert response.status_code == 422, response.content
    review.refresh_from_db()
    assert not review.report
    return refusals(response)["report"][0]


@pytest.mark.parametrize("name", ["report.html", "report.exe", "report", "report.pdf.html", "report.svg"])
def test_a_real_pdf_under_a_name_that_is_not_pdf_or_docx_is_refused(api, review, settings, name):
    assert refusal(api, review, name, PDF) == "The report must be a PDF (.pdf) or a Word document (.docx)"
    assert stored_files(settings) == []


def test_a_word_document_named_as_a_pdf_is_refused_as_not_what_it_says(api, review):
    assert "named as a PDF but is not one" in refusal(api, review, "report.pdf", docx_bytes())


def test_a_pdf_named_as_a_word_document_is_refused_as_not_what_it_says(api, review):
    assert "named as a Word document but is not one" in refusal(api, review, "report.docx", PDF)


@pytest.mark.parametrize(
    "name, parts",
    [
        ("report.docx", dict.fromkeys(WORD_PARTS, "<xml/>") | {"word/vbaProject.bin": "macro"}),
        ("report.docx", {"[Content_Types].xml": MACRO_TYPE, "word/document.xml": "<xml/>"}),
        ("report.docx", dict.fromkeys(WORD_PARTS, "<xml/>") | {"word/activeX/activeX1.xml": "<ax/>"}),
    ],
    ids=["vba project", "macro-enabled content type", "activex control"],
)
def test_a_macro_enabled_word_document_is_refused(api, review, name, parts):
    assert "The Word document contains macros" in refusal(api, review, name, word_with(parts))


def test_a_docm_file_is_told_to_save_without_macros(api, review):
    assert "save it as .docx without macros" in refusal(api, review, "report.docm", docx_bytes())


def test_an_old_word_97_document_is_refused_with_what_to_do(api, review):
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    assert "save it as .docx without macros, or as a PDF" in refusal(api, review, "report.doc", ole)


@pytest.mark.parametrize(
    "content",
    [
        PDF.replace(b"\n1 0 obj", b"\n<html><script>alert(1)</script></html>\n1 0 obj"),
        PDF + b"<!DOCTYPE html><body onload=alert(1)>",
        PDF.replace(b"\n1 0 obj", b"\n<svg onload=alert(1)/>\n1 0 obj"),
    ],
    ids=["script in the first kilobyte", "page after the end", "svg"],
)
def test_a_pdf_that_is_also_a_web_page_is_refused(api, review, content):
    assert "holds web page code" in refusal(api, review, "report.pdf", content)


@pytest.mark.parametrize(
    "content",
    [b"<html><body>%PDF-1.4 minutes</body></html>", b"\n%PDF-1.4\n" + PDF, b"<script>alert(1)</script>" + PDF],
    ids=["web page renamed", "header not at the start", "script before the header"],
)
def test_a_file_whose_pdf_header_is_not_at_the_start_is_refused(api, review, content):
    assert refusal(api, review, "report.pdf", content) == "The report must be a PDF (.pdf) or a Word document (.docx)"


def test_a_stored_report_is_readable_by_the_apps_user_only(api, review, settings):
    assert upload(api, review, "report.pdf", PDF).status_code == 200

    (stored,) = stored_files(settings)
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    folder = stored.parent
    while folder != settings.PRIVATE_FILES_ROOT:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
        folder = folder.parent


# Replacing ----------------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_replacing_a_report_six_times_leaves_only_the_last_one_on_disk(api, review, settings):
    for number in range(7):
        assert upload(api, review, f"report-{number}.pdf", PDF + b"%" + bytes([48 + number])).status_code == 200

    (stored,) = stored_files(settings)
    review.refresh_from_db()
    assert stored == settings.PRIVATE_FILES_ROOT / "review-reports" / review.report.name
    assert stored.read_bytes().endswith(b"%6") and review.report_name == "report-6.pdf"


@pytest.mark.django_db(transaction=True)
def test_a_replacement_that_fails_to_save_keeps_the_old_report_and_removes_the_new_file(
    api, review, settings, coordinator_user
):
    assert upload(api, review, "old.pdf", PDF).status_code == 200
    review.refresh_from_db()
    old = review.report.name

    review.report = SimpleUploadedFile("new.pdf", PDF + b"%new")
    review.kind = None  # the database refuses the row after the new file is written
    with pytest.raises(IntegrityError):
        operations.save_review(audit.Actor(coordinator_user, review.person.service), review)

    assert Review.objects.get(pk=review.pk).report.name == old
    assert [path.name for path in stored_files(settings)] == [old.rsplit("/", 1)[-1]]


@pytest.mark.django_db(transaction=True)
def test_clearing_a_report_deletes_its_file_once_saved(api, review, settings, coordinator_user):
    assert upload(api, review, "report.pdf", PDF).status_code == 200
    review.refresh_from_db()

    review.report = ""
    operations.save_review(audit.Actor(coordinator_user, review.person.service), review)

    assert stored_files(settings) == []
