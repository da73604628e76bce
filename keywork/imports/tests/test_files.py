"""Reading a spreadsheet as services actually keep them: titles above the headings, repeated
headings, damaged workbooks, odd cells."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from keywork.imports import values
from keywork.imports.files import UnreadableFile, read_table


def xlsx(rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_title_and_blank_rows_above_the_headings_are_passed_over():
    table = read_table(
        xlsx([["Kent DSR – March 2026"], [], ["NHS number", "DOB", "RAG"], ["999 000 0018", "01/02/2012", "Red"]])
    )
    assert table.headings == ["NHS number", "DOB", "RAG"]
    assert table.first_row_number == 4 and table.rows == [("999 000 0018", "01/02/2012", "Red")]


def test_repeated_headings_are_told_apart_rather_than_refused():
    table = read_table(b"NHS number,Notes,Notes,\n9990000018,a,b,\n")
    assert table.headings == ["NHS number", "Notes", "Notes (2)"]


def test_a_damaged_sheet_inside_a_workbook_gets_the_damaged_message():
    whole = xlsx([["NHS number", "RAG"], ["9990000018", "Red"]])
    source, damaged = zipfile.ZipFile(io.BytesIO(whole)), io.BytesIO()
    with zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, content[: len(content) // 2] if item.filename.endswith("sheet1.xml") else content)
    with pytest.raises(UnreadableFile, match="damaged"):
        read_table(damaged.getvalue())


def test_a_long_cell_is_cut_short_in_its_message():
    with pytest.raises(ValueError) as refused:
        values.date("x" * 30_000)
    assert len(str(refused.value)) < 200 and "…'" in str(refused.value)


@pytest.mark.parametrize("cell", [True, 12, 3.5])
def test_a_cell_that_is_not_text_is_not_a_name(cell):
    with pytest.raises(ValueError, match="is not a name"):
        values.name(cell)


def test_every_rating_sex_ehcp_and_condition_can_be_read():
    from keywork.education.choices import EhcpStatus
    from keywork.register.choices import Condition, Rating, Sex

    for reader, choices in ((values.rating, Rating), (values.sex, Sex), (values.ehcp, EhcpStatus)):
        assert set(reader.words.values()) == set(choices.values)
    assert set(values.condition.words.values()) == set(Condition.values)


def test_a_workbook_the_app_writes_holds_no_formula():
    from openpyxl import load_workbook

    from keywork.imports import synthetic

    sheet = load_workbook(io.BytesIO(synthetic.as_xlsx([["=HYPERLINK(1)", "-2"]], ["@NHS", "+RAG"]))).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [["'@NHS", "'+RAG"], ["'=HYPERLINK(1)", "'-2"]]
