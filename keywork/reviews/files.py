"""Review reports: PDF or Word only, checked by their content, not their name; size-limited;
stored outside the web root and served only through an audited, permission-checked view."""

import io
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible

PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc)
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@deconstructible
class PrivateReportStorage(FileSystemStorage):
    """Files under PRIVATE_FILES_ROOT, read from settings each time; no base URL, so no public address."""

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


@deconstructible
class ReportValidator:
    def __call__(self, upload) -> None:
        limit = settings.REVIEW_REPORT_MAX_BYTES
        if upload.size > limit:
            size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{max(limit // 1024, 1)} KB"
            raise ValidationError(f"The report must be smaller than {size}", code="too_large")
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        if document_kind(data[:8], io.BytesIO(data)) is None:
            raise ValidationError("The report must be a PDF or a Word document", code="not_a_document")

    def __eq__(self, other) -> bool:
        return isinstance(other, ReportValidator)
