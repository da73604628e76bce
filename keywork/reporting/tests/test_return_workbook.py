"""The quarterly return's workbook, read back with openpyxl as NHS England would open it: a cover,
one sheet per table, bold frozen headings, numbers as numbers, suppressed cells blank and marked."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from keywork.accounts.models import Role
from keywork.figures.catalogue import FIGURES
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.tests.conftest import Q3
from keywork.reporting.tests.test_exports import pdf_text

QUARTER = {"quarter": Q3.code}


def download(client):
    response = client.http.get(reverse("reporting:quarterly_xlsx"), QUARTER)
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def row_starting(sheet, first):
    return next(row for row in sheet.iter_rows() if row[0].value == first)


@pytest.fixture
def workbook(as_role, q3_with_larger_counts):
    return download(as_role(Role.COMMISSIONER))


def test_the_cover_comes_first_then_a_sheet_for_each_table(workbook):
    assert workbook.sheetnames[0] == "Cover"
    for name in ("New to the register", "On the register at quarter end", "Admissions in the quarter", "Outcomes"):
        assert name in workbook.sheetnames
    assert all(len(name) <= 31 for name in workbook.sheetnames)


def test_the_cover_names_the_service_period_when_made_and_the_suppression_rule(workbook):
    cover = workbook["Cover"]
    assert cover["A1"].value == "Kent and Medway: NHS England quarterly return 2025/26 Q3"
    details = {row[0]: row[1] for row in rows(cover) if row[0]}
    assert details["Service"] == "Kent and Medway"
    assert details["Period"] == "1 October 2025 to 31 December 2025"
    assert details["Made"] == "25 November 2026 at 10:00"
    assert details["Small numbers"].startswith("Counts as published. Counts from 1 to 7 are hidden (shown as *)")
    assert "a hidden count's cell is left blank" in details["Small numbers"]


def test_the_cover_defines_each_table_and_lists_the_checks(workbook):
    cover = rows(workbook["Cover"])
    assert ["Sheet", "Table", "Definition"] in cover
    admissions = next(row for row in cover if row[0] == "Admissions in the quarter")
    assert admissions[2] == next(figure.definition for figure in FIGURES if figure.name == "Admissions")
    left = next(row for row in cover if row[0] == "Left the register")
    assert left[2].startswith("People removed from or transferred off the register in the quarter")
    assert ["Warning", "The challenges for 2025/26 Q3 are not written.", None] in cover


def test_each_tables_headings_are_bold_and_frozen_under_its_title(workbook):
    sheet = workbook["New to the register"]
    assert sheet["A1"].value == "People supported: new to the register"
    assert [cell.value for cell in sheet[2]] == ["Rating", "Kent", "Medway", "Total"]
    assert all(cell.font.bold for cell in sheet[2])
    assert sheet.freeze_panes == "A3"


def test_counts_are_stored_as_numbers(workbook):
    amber = row_starting(workbook["New to the register"], "Amber")
    assert [cell.value for cell in amber] == ["Amber", 10, 0, 10]
    assert [cell.data_type for cell in amber[1:]] == ["n", "n", "n"]


def test_a_suppressed_count_is_a_blank_cell_with_a_comment_and_a_marker_column(workbook):
    sheet = workbook["Admissions in the quarter"]
    assert [cell.value for cell in sheet[2]] == ["Local authority", "Count", "Suppressed"]
    kent = row_starting(sheet, "Kent")
    assert kent[1].value is None and kent[2].value == "Count"
    assert kent[1].comment.text.startswith("Suppressed: a count from 1 to 7")
    every_value = [value for sheet in workbook for row in rows(sheet) for value in row]
    assert "*" not in every_value


def test_an_average_of_nothing_is_a_blank_cell_saying_why(workbook):
    average = row_starting(workbook["Outcomes"], "Average change in goal attainment (−2 to +2)")[1]
    assert average.value is None and average.comment.text == "No figure: there was nothing in the quarter to average."


def test_a_table_with_nothing_hidden_has_no_marker_column(workbook):
    assert "Suppressed" not in [cell.value for cell in workbook["New to the register"][2]]


def test_long_text_wraps_in_a_column_set_wide_enough_to_read(as_role, q3_register):
    lead = as_role(Role.LEAD)
    QuarterNarrative.objects.create(
        service=lead.service, quarter=Q3.code, challenges="Beds were scarce all winter. " * 10, written_by=lead.user
    )
    sheet = download(lead)["Improvement and challenges"]
    challenges = row_starting(sheet, "Challenges")[1]
    assert challenges.alignment.wrap_text
    assert sheet.column_dimensions["B"].width == 80
    assert sheet.column_dimensions["A"].width == len("Continuous-improvement activity") + 2


def test_text_a_spreadsheet_would_run_as_a_formula_stays_text(as_role, q3_register):
    lead = as_role(Role.LEAD)
    QuarterNarrative.objects.create(
        service=lead.service, quarter=Q3.code, improvement='=HYPERLINK("x")', written_by=lead.user
    )
    improvement = row_starting(download(lead)["Improvement and challenges"], "Continuous-improvement activity")[1]
    assert improvement.value == '\'=HYPERLINK("x")' and improvement.data_type == "s"


def test_the_pdf_lists_the_checks_too(as_role, q3_register):
    response = as_role(Role.LEAD).http.get(reverse("reporting:quarterly_pdf"), QUARTER)
    text = " ".join(pdf_text(response.content).split())
    assert "Checks before submission" in text
    assert "The challenges for 2025/26 Q3 are not written." in text
