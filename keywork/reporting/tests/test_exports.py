"""Files: the quarterly return as XLSX and PDF, the register as CSV (streamed) and XLSX; every
download audited; text that a spreadsheet would run as a formula written as plain text."""

import csv
import io

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.presenters import format_nhs_number
from keywork.reporting.tests.conftest import D

QUARTER = {"quarter": "2025-Q3"}
INJECTION = '=HYPERLINK("x")'


def sheet_rows(content: bytes) -> list[list]:
    """Every row of every sheet, one after another."""
    workbook = load_workbook(io.BytesIO(content))
    return [list(row) for sheet in workbook for row in sheet.iter_rows(values_only=True)]


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_return_downloads_as_a_pdf_naming_the_service_quarter_and_figures(as_role, q3_with_larger_counts):
    response = as_role(Role.LEAD).http.get(reverse("reporting:quarterly_pdf"), QUARTER)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Kent and Medway" in text and "2025/26 Q3" in text and "As at 31 December 2025" in text
    assert "People supported: new to the register" in text
    # [1] is the line in the contents, [2] the section itself.
    assert "18" in text.split("People supported: new to the register")[2].split("People supported")[0]


@pytest.mark.parametrize("file_format", ["xlsx", "pdf"])
def test_each_download_of_the_return_is_audited_as_an_export(as_role, q3_register, file_format):
    client = as_role(Role.COMMISSIONER)
    client.http.get(reverse(f"reporting:quarterly_{file_format}"), QUARTER)
    entry = AuditEntry.objects.get(operation="export")
    assert (entry.actor, entry.service) == (client.user, client.service)
    assert entry.changes == {"quarterly_return": "2025-Q3", "format": file_format, "suppressed": True}


def test_the_return_files_hold_no_name_or_nhs_number(as_role, q3_register):
    client = as_role(Role.COMMISSIONER)
    workbook = sheet_rows(client.http.get(reverse("reporting:quarterly_xlsx"), QUARTER).content)
    cells = " ".join(str(cell) for row in workbook for cell in row if cell is not None)
    text = pdf_text(client.http.get(reverse("reporting:quarterly_pdf"), QUARTER).content)
    for person in q3_register.values():
        for shown in (cells, text):
            assert person.family_name not in shown
            assert person.nhs_number not in shown.replace(" ", "")


def register_csv(client) -> tuple[StreamingHttpResponse, list[list[str]]]:
    response = client.http.get(reverse("reporting:register_csv"))
    body = b"".join(response.streaming_content).decode()
    return response, list(csv.reader(io.StringIO(body)))


def test_the_register_streams_as_csv_one_row_per_person_of_the_users_service_only(
    as_role, q3_register, other_service, make_user, add_person
):
    outsider = add_person(other_service, make_user(other_service, Role.COORDINATOR), rating="red")
    response, rows = register_csv(as_role(Role.COORDINATOR))
    assert isinstance(response, StreamingHttpResponse) and response["Content-Type"] == "text/csv"
    assert rows[0][:3] == ["NHS number", "Family name", "Given name"]
    numbers = sorted(row[0] for row in rows[1:])
    assert numbers == sorted(format_nhs_number(person.nhs_number) for person in q3_register.values())
    assert format_nhs_number(outsider.nhs_number) not in numbers


def test_a_csv_row_carries_the_persons_details(as_role, q3_register):
    person = q3_register["removed_after"]
    _, rows = register_csv(as_role(Role.MANAGER))
    (row,) = [row for row in rows if row[0] == format_nhs_number(person.nhs_number)]
    assert row[1:3] == [person.family_name, person.given_name]
    assert row[4:6] == ["Medway", "green"] and row[8:] == ["removed", "2025-06-01"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_register_export_is_audited_with_the_number_of_people(as_role, q3_register, file_format):
    client = as_role(Role.LEAD)
    response = client.http.get(reverse(f"reporting:register_{file_format}"))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(operation="export")
    assert entry.actor == client.user
    assert entry.changes == {"register_export": file_format, "people": len(q3_register)}


@pytest.mark.parametrize("role", [Role.KEYWORKER, Role.COMMISSIONER, Role.REGIONAL])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_roles_without_the_export_right_are_refused_and_nothing_is_audited(as_role, q3_register, role, file_format):
    response = as_role(role).http.get(reverse(f"reporting:register_{file_format}"))
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(operation="export").exists()


def test_the_register_spreadsheet_holds_every_person_of_the_service(as_role, q3_register):
    response = as_role(Role.COORDINATOR).http.get(reverse("reporting:register_xlsx"))
    rows = sheet_rows(response.content)
    assert rows[0][0] == "NHS number" and len(rows) == 1 + len(q3_register)


def test_a_formula_in_a_name_comes_back_as_text_in_the_csv_and_the_spreadsheet(service, as_role, enrol):
    enrol("Kent", D(2025, 10, 1), "red", family_name=INJECTION, given_name="+1-2")
    client = as_role(Role.COORDINATOR)
    _, rows = register_csv(client)
    assert rows[1][1] == "'" + INJECTION and rows[1][2] == "'+1-2"
    workbook = load_workbook(io.BytesIO(client.http.get(reverse("reporting:register_xlsx")).content))
    family, given = workbook.active["B2"], workbook.active["C2"]
    assert family.value == "'" + INJECTION and family.data_type == "s"
    assert given.value == "'+1-2" and given.data_type == "s"


def test_a_narrative_longer_than_a_page_flows_on_in_the_pdf(as_role, q3_register):
    from keywork.reporting.models import QuarterNarrative

    lead = as_role(Role.LEAD)
    challenges = "Waiting lists for community support grew again. " * 600 + "The closing sentence."
    QuarterNarrative.objects.create(
        service=lead.user.service, quarter="2025-Q3", challenges=challenges, written_by=lead.user
    )
    response = lead.http.get(reverse("reporting:quarterly_pdf"), QUARTER)
    assert response.status_code == 200
    assert "The closing sentence." in " ".join(pdf_text(response.content).split())


def write_challenges(lead, challenges: str):
    from keywork.reporting.models import QuarterNarrative

    QuarterNarrative.objects.create(
        service=lead.user.service, quarter="2025-Q3", challenges=challenges, written_by=lead.user
    )
    return lead.http.get(reverse("reporting:quarterly_pdf"), QUARTER)


def test_a_narrative_holding_a_long_unbroken_url_wraps_and_leaves_the_labels_readable(as_role, q3_register):
    url = "https://example.org/a-very-long-link/" + "x" * 400 + "/end-of-link"
    response = write_challenges(as_role(Role.LEAD), f"See {url} for the details.")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "end-of-link" in text.replace(" ", "").replace("\n", "")
    # Without set column widths the URL took the whole width, printing the label a few letters a line.
    assert any(line.startswith("Challenges See") for line in text.splitlines())


def test_a_narrative_in_welsh_prints_its_letters_as_written(as_role, q3_register):
    response = write_challenges(as_role(Role.LEAD), "Gwasanaeth ŵyr ac wyres: bydd y tîm yn cŵrdd eto.")
    assert "Gwasanaeth ŵyr ac wyres: bydd y tîm yn cŵrdd eto." in " ".join(pdf_text(response.content).split())


def test_a_narratives_line_breaks_are_kept_in_the_pdf(as_role, q3_register):
    response = write_challenges(as_role(Role.LEAD), "First challenge.\nSecond challenge.")
    lines = [line.strip() for line in pdf_text(response.content).splitlines()]
    # The row's heading shares the first line; the second line is a line of its own.
    assert "Challenges First challenge." in lines and "Second challenge." in lines
