"""Spreadsheets that would cost minutes of CPU are refused quickly, by the zip's directory or at the
row and column caps; a file is read once, at upload, and the later pages use the table kept then."""

import datetime
import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from keywork.imports import importing, synthetic
from keywork.imports.files import UnreadableFile, read_table
from keywork.imports.models import ImportRun
from keywork.testing.dates import TODAY

SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_END = b"</sheetData></worksheet>"


def workbook_with_sheet(write_sheet) -> bytes:
    """A real workbook (openpyxl's own parts) whose first sheet's XML is written by write_sheet(handle)."""
    workbook = Workbook()
    workbook.active.append(["NHS number", "RAG"])
    saved = io.BytesIO()
    workbook.save(saved)
    source, bomb = zipfile.ZipFile(saved), io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            if part.filename == SHEET:
                with target.open(SHEET, "w", force_zip64=True) as sheet:
                    write_sheet(sheet)
            else:
                target.writestr(part, source.read(part))
    return bomb.getvalue()


def zip_bomb(unzipped_mb: int) -> bytes:
    """A workbook of one repeated row: about 700 KB that opens into `unzipped_mb` MB of sheet XML,
    as the probe's 640 KB file opened into 199 MB."""
    row = b'<row><c t="inlineStr"><is><t>9990000018</t></is></c><c t="inlineStr"><is><t>Red</t></is></c></row>'
    block = row * 10_000

    def write(sheet):
        sheet.write(SHEET_START)
        for _ in range(unzipped_mb * 1024 * 1024 // len(block)):
            sheet.write(block)
        sheet.write(SHEET_END)

    return workbook_with_sheet(write)


def upload(client, data: bytes, name="dsr.xlsx"):
    return client.post(reverse("imports:start"), {"file": SimpleUploadedFile(name, data)})


def error_message(response) -> str:
    return " ".join(response.context["form"].errors["file"])


def test_a_zip_bomb_workbook_is_refused_from_the_zip_directory_before_any_parsing(coordinator):
    bomb = zip_bomb(199)
    assert len(bomb) < 1024 * 1024

    started = time.process_time()
    with pytest.raises(UnreadableFile, match="opens to more than 50 MB"):
        read_table(bomb)
    refused_in = time.process_time() - started
    started = time.process_time()
    response = upload(coordinator.http, bomb)
    whole_request = time.process_time() - started
    print(f"\n{len(bomb):,}-byte workbook opening to 199 MB: read_table refused it in {refused_in * 1000:.1f} ms")
    print(f"of CPU; the whole upload request (test client and page included) took {whole_request:.2f} s")

    assert response.status_code == 200 and ImportRun.objects.count() == 0
    assert "opens to more than 50 MB" in error_message(response)


def test_a_workbook_that_squashes_far_more_than_a_register_does_is_refused_under_the_size_cap(coordinator):
    bomb = zip_bomb(20)

    response = upload(coordinator.http, bomb)

    assert "opens to more than 100 times its file size" in error_message(response)
    assert ImportRun.objects.count() == 0


def test_a_workbook_of_too_many_parts_is_refused(coordinator, settings):
    settings.IMPORT_MAX_ZIP_ENTRIES = 20
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(20):
            archive.writestr(f"xl/media/image{number}.png", b"")

    response = upload(coordinator.http, buffer.getvalue())

    assert "more than 20 parts" in error_message(response)


def test_a_register_over_the_unzipped_size_cap_is_refused_naming_the_cap(coordinator, service, settings):
    settings.IMPORT_MAX_UNZIPPED_BYTES = 1024 * 1024
    data = synthetic.as_xlsx(synthetic.spreadsheet_rows(service, 3_000, today=TODAY))

    response = upload(coordinator.http, data)

    assert "opens to more than 1 MB" in error_message(response)


def test_a_file_over_the_row_cap_is_refused_with_the_cap_and_what_to_do(coordinator, service, settings):
    settings.IMPORT_MAX_ROWS = 20
    rows = synthetic.spreadsheet_rows(service, 20, today=TODAY)

    for data, name in ((synthetic.as_xlsx(rows), "dsr.xlsx"), (synthetic.as_csv(rows), "dsr.csv")):
        response = upload(coordinator.http, data, name)

        assert "The file has more than 20 rows: split it into files of up to 20 rows" in error_message(response)
    assert ImportRun.objects.count() == 0


def test_a_file_at_the_row_cap_is_read(coordinator, service, settings):
    settings.IMPORT_MAX_ROWS = 21  # the headings and 20 people
    response = upload(coordinator.http, synthetic.as_xlsx(synthetic.spreadsheet_rows(service, 20, today=TODAY)))

    assert response.status_code == 302 and len(ImportRun.objects.get().table["rows"]) == 20


def test_a_row_numbered_far_below_the_register_stops_the_reading_at_the_row_cap(coordinator):
    """A row numbered 50,000 would have openpyxl hand back 49,998 empty rows before it."""

    def write(sheet):
        sheet.write(SHEET_START)
        sheet.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>NHS number</t></is></c></row>')
        sheet.write(b'<row r="50000"><c r="A50000" t="inlineStr"><is><t>9990000018</t></is></c></row>')
        sheet.write(SHEET_END)

    response = upload(coordinator.http, workbook_with_sheet(write))

    assert "more than 20,000 rows" in error_message(response)


def test_a_file_over_the_column_cap_is_refused(coordinator, settings):
    settings.IMPORT_MAX_COLUMNS = 30
    headings = ",".join(f"Column {number}" for number in range(31))

    response = upload(coordinator.http, f"{headings}\n{',' * 30}x\n".encode(), "wide.csv")

    assert "The file has more than 30 columns" in error_message(response)


def test_the_column_page_uses_the_table_kept_at_upload_and_never_the_file(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 5, today=TODAY)
    response = upload(coordinator.http, synthetic.as_xlsx(rows))
    run = ImportRun.objects.get()
    # Only a page reading the kept table can show a heading the uploaded file never had.
    run.table["headings"][0] = "Kept at upload"
    run.save(update_fields=["table"])

    page = coordinator.http.get(response.url)

    assert page.status_code == 200
    assert "Kept at upload" in page.content.decode() and "NHS No" not in page.content.decode()
    assert "content" not in {field.name for field in ImportRun._meta.get_fields()}  # the bytes are not kept


def test_date_cells_keep_their_type_in_the_kept_table(coordinator, service):
    rows = synthetic.spreadsheet_rows(service, 1, today=TODAY)
    born = synthetic.HEADINGS.index("D.O.B.")
    rows[0][born] = datetime.date(2012, 2, 1)
    upload(coordinator.http, synthetic.as_xlsx(rows))

    table = importing.table_of(ImportRun.objects.get())

    assert table.rows[0][born] == datetime.datetime(2012, 2, 1)


def test_the_upload_page_names_the_limits_this_installation_sets(coordinator, settings):
    settings.IMPORT_MAX_ROWS = 5_000

    page = coordinator.http.get(reverse("imports:start")).content.decode()

    assert "up to 20 MB and 5,000 rows" in page
