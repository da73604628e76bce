"""Files no record points at are listed and deleted (check_private_files), and erasing a person
leaves none of their files behind: reports, replaced reports, and uploaded spreadsheets naming them."""

import datetime
import os
import time
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from keywork import audit
from keywork.audit.models import AuditEntry, Operation
from keywork.imports import importing, synthetic
from keywork.imports.models import ImportRun, ImportStatus
from keywork.records import retention
from keywork.register.choices import RegisterStatus
from keywork.register.models import Person
from keywork.reviews import operations
from keywork.reviews.choices import ReviewKind
from keywork.reviews.models import Review
from keywork.testing.dates import TODAY

PDF = b"%PDF-1.4\n%synthetic report\n%%EOF\n"


def files_on_disk(settings) -> list[str]:
    root = settings.PRIVATE_FILES_ROOT
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def left_file(settings, name: str, hours_ago: float) -> None:
    """A file as an older version, or a failed save, left it: no record points at it."""
    path = settings.PRIVATE_FILES_ROOT / "review-reports" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PDF)
    written = time.time() - hours_ago * 3600
    os.utime(path, (written, written))


def review_with_report(person, user, name="report.pdf") -> Review:
    review = Review(person=person, kind=ReviewKind.COMMUNITY, requested_on=TODAY, report=SimpleUploadedFile(name, PDF))
    return operations.save_review(audit.Actor(user, person.service), review)


def run(command, *options) -> str:
    out = StringIO()
    call_command(command, *options, stdout=out)
    return out.getvalue()


def test_files_no_record_points_at_are_listed_then_deleted_and_recorded_and_new_ones_kept(
    settings, service, coordinator_user, add_person
):
    review = review_with_report(add_person(service, by=coordinator_user), coordinator_user)
    left_file(settings, "2025/01/replaced.pdf", hours_ago=30 * 24)
    left_file(settings, "2026/11/saving-now.pdf", hours_ago=0.1)

    listed = run("check_private_files")

    assert "Private files with no record: 1\n  review-reports/2025/01/replaced.pdf (33 bytes, written" in listed
    assert "Left alone, written in the last hour: 1" in listed and "Dry run: nothing deleted" in listed
    assert len(files_on_disk(settings)) == 3

    deleted = run("check_private_files", "--delete")

    assert "Deleted 1 file with no record." in deleted
    assert files_on_disk(settings) == sorted(
        [f"review-reports/{review.report.name}", "review-reports/2026/11/saving-now.pdf"]
    )
    assert "Private files with no record: 0" in run("check_private_files")


def test_no_private_files_folder_yet_is_nothing_to_report(settings):
    assert not settings.PRIVATE_FILES_ROOT.exists()

    assert "Private files with no record: 0" in run("check_private_files")


@pytest.fixture
def leaver(service, coordinator_user, add_person) -> Person:
    """Left the register seven years ago: due for erasure."""
    person = add_person(service, by=coordinator_user)
    left_on = TODAY - datetime.timedelta(days=7 * 366)
    Person.objects.filter(pk=person.pk).update(status=RegisterStatus.REMOVED, status_changed_on=left_on)
    return Person.objects.get(pk=person.pk)


def test_erasure_leaves_no_file_the_person_ever_had(
    settings, leaver, coordinator_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = review_with_report(leaver, coordinator_user, "first.pdf")
        for name in ("second.pdf", "third.pdf"):
            review.report = SimpleUploadedFile(name, PDF)
            operations.save_review(audit.Actor(coordinator_user, leaver.service), review)
    left_file(settings, "2024/03/kept-by-an-older-version.pdf", hours_ago=24 * 400)
    assert len(files_on_disk(settings)) == 2  # the latest report, and one replaced before deletes were made

    with django_capture_on_commit_callbacks(execute=True):
        output = run("apply_retention", "--apply")

    assert f"person {leaver.pk}" in output and "Private files with no record to erase: 1" in output
    assert files_on_disk(settings) == [] and not Person.objects.filter(pk=leaver.pk).exists()


def test_erasure_erases_a_kept_spreadsheet_that_names_the_person_and_not_others(
    leaver, service, coordinator_user, add_person
):
    actor = audit.Actor(coordinator_user, service)
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY)
    rows[1][0] = f"{leaver.nhs_number[:3]} {leaver.nhs_number[3:6]} {leaver.nhs_number[6:]}"
    naming = importing.upload(actor, "naming.csv", synthetic.as_csv(rows))
    other = importing.upload(actor, "other.csv", synthetic.as_csv(synthetic.spreadsheet_rows(service, 3, seed=9)))

    assert retention.erase(leaver, on=TODAY)

    naming.refresh_from_db()
    other.refresh_from_db()
    assert naming.table == {} and naming.status == ImportStatus.DISCARDED and naming.sha256
    assert other.table and other.status == ImportStatus.UPLOADED
    entry = AuditEntry.objects.for_object(naming).get(operation=Operation.ERASE)
    assert entry.changes["rule"] == "person: erase 72 months after support ends"
    assert ImportRun.objects.count() == 2
