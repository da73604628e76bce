"""An import of a service's spreadsheet, from upload to the import itself, and the saved column mappings."""

import hashlib
import json
import re

from django.conf import settings
from django.db import models
from django.urls import reverse


class SavedMapping(models.Model):
    """Which column of a service's spreadsheet holds what, kept for the next month's file."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="import_mappings")
    name = models.CharField(max_length=100)
    columns = models.JSONField(default=dict)  # heading → target key (keywork.imports.columns)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="one_mapping_name_per_service")]

    def __str__(self) -> str:
        return self.name


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", "Uploaded"
    CHECKED = "checked", "Checked"
    IMPORTED = "imported", "Imported"
    # The file is no longer kept (a dry run, or retention) and was never imported: upload it again.
    DISCARDED = "discarded", "File removed"


class ImportRun(models.Model):
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="imports")
    file_name = models.CharField(max_length=255)
    sha256 = models.CharField("SHA-256 checksum", max_length=64)
    size = models.PositiveIntegerField()
    # The file's table, read once at upload (keywork.imports.files.Table.as_json), so the later pages
    # never open the workbook again; the file's bytes are not kept. Kept only until it is imported
    # (the records it made are then the copy), and erased with the file by retention.
    table = models.JSONField(default=dict, editable=False)
    mapping = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.UPLOADED)
    summary = models.JSONField(default=dict)  # counts of new, updated, unchanged and refused rows
    problems = models.JSONField(default=list)  # [row number, heading, message] for every refused cell
    updates = models.JSONField(default=list)  # [row number, NHS number, name, what changes] per known person
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display().lower()})"

    def get_absolute_url(self) -> str:
        if self.status == ImportStatus.UPLOADED:
            return reverse("imports:mapping", args=[self.pk])
        return reverse("imports:report", args=[self.pk])

    @staticmethod
    def checksum(data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    @property
    def refused_rows(self) -> int:
        return self.summary.get("refused", 0)

    def imports_of_same_file(self) -> models.QuerySet:
        """The other imports of these exact bytes into this service, oldest first."""
        same = ImportRun.objects.filter(service=self.service, sha256=self.sha256, status=ImportStatus.IMPORTED)
        return same.exclude(pk=self.pk).select_related("imported_by").order_by("imported_at")

    @staticmethod
    def kept_naming(service, nhs_number: str) -> list["ImportRun"]:
        """The runs of `service` still keeping a table or report in which the NHS number appears,
        written any way a spreadsheet writes it ("999 000 0018", "999-000-0018", 9990000018)."""
        written = re.compile(r"[\s-]?".join(nhs_number))
        kept = ImportRun.objects.filter(service=service).exclude(table={}, problems=[], updates=[])
        return [run for run in kept if written.search(json.dumps([run.table, run.problems, run.updates]))]

    def remove_file(self, with_report: bool = False) -> None:
        """Stop keeping the uploaded file (and, with_report, its report of refused and updated rows,
        which quote it); the checksum and counts stay. A run never imported can then no longer be."""
        removed = {"table": {}} | ({"problems": [], "updates": []} if with_report else {})
        ImportRun.objects.filter(pk=self.pk).update(**removed)
        ImportRun.objects.filter(pk=self.pk).exclude(status=ImportStatus.IMPORTED).update(status=ImportStatus.DISCARDED)
