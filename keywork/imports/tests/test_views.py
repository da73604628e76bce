import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.imports import synthetic
from keywork.imports.files import ENCRYPTED_MARK, OLE_MAGIC
from keywork.imports.models import ImportRun, ImportStatus, SavedMapping
from keywork.register.models import Person
from keywork.testing.dates import TODAY


def upload(client, data: bytes, name="dsr.xlsx", **extra):
    return client.post(reverse("imports:start"), {"file": SimpleUploadedFile(name, data), **extra})


def mapping_post(run, response) -> dict:
    """The mapping form as the page offers it (its guesses), as a browser would send it back."""
    form = response.context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_a_coordinator_uploads_maps_reads_the_report_and_imports(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 12, today=TODAY)
    synthetic.add_mistakes(rows, {5: "check_digit"})
    response = upload(coordinator.http, synthetic.as_xlsx(rows))
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response.url == reverse("imports:mapping", args=[run.pk])

    page = coordinator.http.get(response.url)
    assert page.status_code == 200
    body = page.content.decode()
    assert "NHS No" in body and "D.O.B." in body and "First row:" in body
    assert page.context["form"]["column_0"].value() == "nhs_number"

    report = coordinator.http.post(response.url, mapping_post(run, page) | {"save_as": "Monthly DSR"})
    assert report.status_code == 302 and report.url == reverse("imports:report", args=[run.pk])
    assert SavedMapping.objects.get(service=service, name="Monthly DSR").columns["RAG"] == "rating"
    page = coordinator.http.get(report.url).content.decode()
    assert "Rows refused" in page and "check digit" in page and "Import 11 people" in page
    assert Person.objects.count() == 0

    refused = coordinator.http.post(reverse("imports:import", args=[run.pk]), {})
    assert refused.status_code == 400
    assert "There is a problem" in refused.content.decode() and Person.objects.count() == 0

    done = coordinator.http.post(reverse("imports:import", args=[run.pk]), {"accept_refused": "on"})
    assert done.status_code == 302
    assert Person.objects.filter(service=service).count() == 11
    page = coordinator.http.get(done.url).content.decode()
    assert "Import finished" in page and "Imported: 11 new people" in page


def test_a_saved_mapping_is_used_for_the_next_file(coordinator, service):
    headings = ["Ref", "Child", "Family", "Born", "Where", "Need", "Colour"]
    SavedMapping.objects.create(
        service=service,
        name="Ours",
        saved_by=coordinator.user,
        columns={
            "Ref": "nhs_number",
            "Child": "given_name",
            "Family": "family_name",
            "Born": "date_of_birth",
            "Where": "local_authority",
            "Need": "condition",
            "Colour": "rating",
        },
    )
    row = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "LD", "Red"]
    saved = SavedMapping.objects.get()
    response = upload(coordinator.http, synthetic.as_csv([row], headings), "dsr.csv", saved_mapping=saved.pk)
    page = coordinator.http.get(response.url)
    assert page.context["form"]["column_6"].value() == "rating"


def test_a_mapping_missing_a_needed_column_shows_an_error_summary(coordinator, service):
    response = upload(coordinator.http, synthetic.as_xlsx(synthetic.spreadsheet_rows(service, 2, today=TODAY)))
    page = coordinator.http.get(response.url)
    post = mapping_post(ImportRun.objects.get(), page) | {"column_6": ""}
    page = coordinator.http.post(response.url, post)
    body = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in body
    assert "Choose the column that holds the DSR rating" in body
    assert ImportRun.objects.get().status == ImportStatus.UPLOADED


def _password_protected() -> bytes:
    # What Excel writes for an encrypted workbook: an OLE container holding an EncryptionInfo stream.
    return OLE_MAGIC + b"\x00" * 100 + ENCRYPTED_MARK + b"\x00" * 100


def _word_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 a synthetic report", "not a spreadsheet"),
        (_word_document(), "not a spreadsheet"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not a spreadsheet"),
        (_password_protected(), "password-protected"),
        (OLE_MAGIC + b"\x00" * 200, "old Excel 97-2003 format"),
        (b"", "The file is empty"),
        (b"\n\n,,,\n", "The file is empty"),
        (b"NHS number,Date of birth\n", "no rows under them"),
        (b"9991234560,01/02/2012,Red\n9990000018,01/02/2013,Amber\n", "holds data, not column headings"),
        (b"PK\x03\x04 not really a zip", "damaged"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_kept(coordinator, data, message):
    response = upload(coordinator.http, data, "dsr.xlsx")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert ImportRun.objects.count() == 0


def test_a_file_over_the_size_limit_is_refused(coordinator, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    response = upload(coordinator.http, b"NHS number\n" + b"9991234560\n" * 100_000, "big.csv")
    assert "larger than 1 MB" in response.content.decode() and ImportRun.objects.count() == 0


def test_the_refused_rows_csv_neutralises_formulas_and_is_audited(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY)
    rows[1][6] = '=HYPERLINK("http://example.invalid")'
    headings = list(synthetic.HEADINGS)
    headings[6] = "@RAG"
    data = synthetic.as_csv(rows, headings)
    response = upload(coordinator.http, data, "dsr.csv")
    run = ImportRun.objects.get()
    page = coordinator.http.get(response.url)
    coordinator.http.post(response.url, mapping_post(run, page) | {"column_6": "rating"})
    download = coordinator.http.get(reverse("imports:problems_csv", args=[run.pk]))
    cells = list(csv.reader(io.StringIO(download.content.decode())))
    assert cells[0] == ["Row", "Column", "Why it was refused"]
    assert cells[1][0] == "3" and cells[1][1] == "'@RAG"
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in cells for cell in row)
    assert AuditEntry.objects.filter(object_id=str(run.pk), operation="export").exists()


def test_the_example_spreadsheet_is_fictitious_and_shows_two_mistakes(coordinator, service):
    response = coordinator.http.get(reverse("imports:example"))
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == synthetic.HEADINGS and len(rows) == 26
    assert all(str(row[0]).startswith("999") for row in rows[1:])
    upload(coordinator.http, response.content)
    run = ImportRun.objects.get()
    page = coordinator.http.get(reverse("imports:mapping", args=[run.pk]))
    coordinator.http.post(reverse("imports:mapping", args=[run.pk]), mapping_post(run, page))
    run.refresh_from_db()
    assert run.summary["refused"] == 2 and run.summary["new"] == 23


def test_another_services_import_is_not_found(coordinator, other_service, make_user):
    stranger = make_user(other_service, Role.COORDINATOR)
    from keywork import audit
    from keywork.imports import importing

    data = synthetic.as_csv(synthetic.spreadsheet_rows(other_service, 2, today=TODAY))
    run = importing.upload(audit.Actor(stranger, other_service), "theirs.csv", data)
    for name in ("mapping", "report", "import", "problems_csv"):
        assert coordinator.http.get(reverse(f"imports:{name}", args=[run.pk])).status_code == 404
    assert coordinator.http.post(reverse("imports:import", args=[run.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.KEYWORKER, Role.COMMISSIONER, Role.REGIONAL])
def test_roles_that_do_not_keep_the_register_cannot_import(as_role, role):
    user = as_role(role)
    assert user.http.get(reverse("imports:start")).status_code == 403
    assert upload(user.http, b"NHS number\n9991234560\n", "a.csv").status_code == 403


def test_a_workbook_that_opens_into_far_more_than_the_limit_is_refused(coordinator, settings):
    settings.IMPORT_MAX_BYTES = 100_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", " " * 2_000_000)  # compresses to a few kilobytes
    assert len(buffer.getvalue()) < settings.IMPORT_MAX_BYTES
    response = upload(coordinator.http, buffer.getvalue())
    assert "times its file size" in response.content.decode() and ImportRun.objects.count() == 0


def synthetic_family(run, rows) -> str:
    return Person.objects.get(nhs_number=rows[0][0].replace(" ", "")).family_name


def test_the_report_says_what_changes_for_people_already_on_the_register(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY)
    data = synthetic.as_xlsx(rows)
    from keywork import audit
    from keywork.imports import columns, importing

    actor = audit.Actor(coordinator.user, service)
    first = importing.upload(actor, "a.xlsx", data)
    importing.check_run(actor, first, columns.guess(synthetic.HEADINGS))
    importing.import_run(actor, first)
    again = importing.upload(actor, "a.xlsx", data)
    importing.check_run(actor, again, columns.guess(synthetic.HEADINGS))
    page = coordinator.http.get(reverse("imports:report", args=[again.pk])).content.decode()
    assert "there is nothing to import" in page and "Import 0 people" not in page
    assert "This file has been imported before" in page

    rows[0][2], rows[0][6], rows[0][7] = "Smyth", "Red", TODAY.strftime("%d/%m/%Y")
    later = importing.upload(actor, "b.xlsx", synthetic.as_xlsx(rows))
    importing.check_run(actor, later, columns.guess(synthetic.HEADINGS))
    page = coordinator.http.get(reverse("imports:report", args=[later.pk])).content.decode()
    assert "who will be updated" in page and "Import 1 person" in page
    assert f"Family name: {synthetic_family(first, rows)} → Smyth; new rating Red from {TODAY:%d/%m/%Y}" in page


def test_a_dry_run_file_is_no_longer_offered_for_import(coordinator, service):
    from keywork import audit
    from keywork.imports import columns, importing

    actor = audit.Actor(coordinator.user, service)
    run = importing.upload(actor, "a.csv", synthetic.as_csv(synthetic.spreadsheet_rows(service, 2, today=TODAY)))
    importing.check_run(actor, run, columns.guess(synthetic.HEADINGS))
    run.remove_file()
    page = coordinator.http.get(reverse("imports:report", args=[run.pk])).content.decode()
    assert "The file is no longer kept" in page and "Import 2 people" not in page
    assert coordinator.http.get(reverse("imports:mapping", args=[run.pk])).status_code == 302
    refused = coordinator.http.post(reverse("imports:import", args=[run.pk]), {})
    assert refused.status_code == 400 and "upload it again" in refused.content.decode()
    assert Person.objects.count() == 0


def test_zero_counts_show_as_zero_and_a_file_of_refused_rows_says_so(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 2, today=TODAY)
    synthetic.add_mistakes(rows, {0: "unknown_rating", 1: "check_digit"})
    response = upload(coordinator.http, synthetic.as_xlsx(rows))
    run = ImportRun.objects.get()
    page = coordinator.http.get(response.url)
    report = coordinator.http.post(response.url, mapping_post(run, page))
    body = coordinator.http.get(report.url).content.decode()
    assert "No row of the file can be imported" in body and "nothing to import" not in body
    unchanged = body.split("People unchanged")[1].split("</dd>")[0]
    assert unchanged.split('nhsuk-summary-list__value">')[1].strip() == "0"


def test_showing_the_people_a_file_updates_is_audited_as_reading_their_records(coordinator, service, add_person):
    from keywork import audit
    from keywork.imports import columns, importing

    person = add_person(service, coordinator.user, rating="green")
    headings = ["NHS number", "Given name", "Family name", "Date of birth", "Local authority", "LD or autism", "RAG"]
    row = [person.nhs_number, "Renamed", person.family_name, person.date_of_birth, person.local_authority]
    actor = audit.Actor(coordinator.user, service)
    run = importing.upload(actor, "a.xlsx", synthetic.as_xlsx([[*row, person.condition, "Green"]], headings))
    importing.check_run(actor, run, columns.guess(headings))
    coordinator.http.get(reverse("imports:report", args=[run.pk]))
    assert AuditEntry.objects.filter(person_id=person.pk, operation="view", changes__import=run.pk).exists()
