"""Review reports: a PDF or a Word document (.docx), named as what its content is, without macros and
not also a web page; size-limited; stored outside the web root, readable by the app's user only,
and served only through an audited, permission-checked view. A replaced report is deleted once the
new one is saved for good."""

import contextlib
import io
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible

from keywork import audit
from keywork.audit.models import Operation

PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc): served if held, no longer accepted
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# The kinds accepted for a new report, by the file's name; its content must be the same kind.
ACCEPTED_EXTENSIONS = {"pdf": "pdf", "docx": "docx"}
# Where a browser sniffing a file, or a viewer that is lax about the header, would find a web page:
# a PDF (or document) that is also HTML can run script when opened from the wrong place.
SNIFFED_BYTES = 1024
HTML_MARKS = (b"<html", b"<script", b"<!doctype html", b"<body", b"<svg", b"<iframe")
# Macros and ActiveX controls run code when the document opens; .docx cannot hold them, .docm can.
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "activex")
MACRO_CONTENT_TYPE = b"macroEnabled"
PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE = 0o600, 0o700

NOT_A_DOCUMENT = "The report must be a PDF (.pdf) or a Word document (.docx)"


@deconstructible
class PrivateReportStorage(FileSystemStorage):
    """Files under PRIVATE_FILES_ROOT, read from settings each time; no base URL, so no public address.
    Each file is readable by the app's user only (0o600, its folders 0o700): reports name people."""

    def __init__(self):
        super().__init__(file_permissions_mode=PRIVATE_FILE_MODE, directory_permissions_mode=PRIVATE_FOLDER_MODE)

    @property
    def base_location(self):
        return settings.PRIVATE_FILES_ROOT / "review-reports"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Review reports have no public address: use the report download view")


def report_storage() -> FileSystemStorage:
    return PrivateReportStorage()


def document_kind(head: bytes, content) -> str | None:
    """'pdf', 'doc' or 'docx' from the file's own bytes, or None for anything else."""
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(content) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "[Content_Types].xml" in names and any(name.startswith("word/") for name in names):
            return "docx"
    return None


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _has_macros(data: bytes) -> bool:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if any(mark in part.lower() for part in archive.namelist() for mark in MACRO_PARTS):
            return True
        # Content types are a few kilobytes; a larger one is not Word's, and is not read.
        types = archive.getinfo("[Content_Types].xml")
        return types.file_size < 1024 * 1024 and MACRO_CONTENT_TYPE in archive.read(types)


def _looks_like_a_web_page(data: bytes) -> bool:
    ends = (data[:SNIFFED_BYTES] + b" " + data[-SNIFFED_BYTES:]).lower()
    return any(mark in ends for mark in HTML_MARKS)


def report_refusal(name: str, data: bytes) -> str | None:
    """Why a file cannot be a review's report, in words for the person uploading it; None if it can."""
    extension = _extension(name)
    if extension in ("doc", "docm", "dotm"):
        return "The report must be a PDF or a Word document (.docx): save it as .docx without macros, or as a PDF"
    expected = ACCEPTED_EXTENSIONS.get(extension)
    kind = document_kind(data[:8], io.BytesIO(data))
    if expected is None or kind not in ACCEPTED_EXTENSIONS.values():
        return NOT_A_DOCUMENT
    if kind != expected:
        named = "a PDF" if expected == "pdf" else "a Word document"
        return f"The file is named as {named} but is not one: upload the report as it was saved"
    if kind == "docx" and _has_macros(data):
        return "The Word document contains macros: save it as a Word document (.docx) without macros, or as a PDF"
    if _looks_like_a_web_page(data):
        return "The report holds web page code, so it cannot be stored: save it again as a PDF or Word document"
    return None


@deconstructible
class ReportValidator:
    def __call__(self, upload) -> None:
        if getattr(upload, "_committed", False):
            return  # a report already stored was checked when it was uploaded
        limit = settings.REVIEW_REPORT_MAX_BYTES
        if upload.size > limit:
            size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{max(limit // 1024, 1)} KB"
            raise ValidationError(f"The report must be smaller than {size}", code="too_large")
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        refusal = report_refusal(upload.name, data)
        if refusal:
            raise ValidationError(refusal, code="not_accepted")

    def __eq__(self, other) -> bool:
        return isinstance(other, ReportValidator)


@contextlib.contextmanager
def replacing_report(review):
    """Around saving a review: once the save commits, the report it replaced (or cleared) is deleted;
    if the save fails, the file it had just stored is deleted and the old one stays.

    A rollback of an outer transaction after this block leaves the new file behind with no record
    pointing at it: `manage.py check_private_files` finds and removes such files.
    """
    old = type(review).objects.filter(pk=review.pk).values_list("report", flat=True).first() if review.pk else ""
    try:
        yield
    except BaseException:
        new = review.report
        if new and new._committed and new.name != old:
            new.storage.delete(new.name)
        raise
    if old and old != review.report.name:
        storage = review.report.storage
        transaction.on_commit(lambda: storage.delete(old))


def safe_report_name(record) -> str:
    """The record's report's file name, safe as a path inside a ZIP (the subject access pack)."""
    name = (record.report_name or record.report.name).rsplit("/", 1)[-1]
    return "".join(c if c.isalnum() or c in "._-" else "_" for c in name) or "report"


def report_download(request, record, stem: str) -> FileResponse:
    """The record's report (a review's, an assessment's) as a download, audited as an export of the
    record; the view has already checked the user may see the person."""
    if not record.report:
        raise Http404(f"This {stem} has no report")
    handle = record.report.open("rb")
    kind = document_kind(handle.read(8), handle) or "pdf"
    handle.seek(0)
    changes = {"report": record.report_name}
    audit.record(
        audit.Actor.from_request(request), Operation.EXPORT, record, person_id=record.person_id, changes=changes
    )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=record.report_name or f"{stem}-{record.pk}.{kind}",
        content_type=CONTENT_TYPES[kind],
    )
