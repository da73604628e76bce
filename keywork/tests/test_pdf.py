"""What every PDF shares (keywork/pdf.py): tagged for screen readers, the embedded font, and table
cells with their figures right-aligned."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import engines

from keywork import pdf
from keywork.testing.pdf import embedded_fonts, page_texts, reader, structure_tags


@pytest.fixture(scope="module")
def layout_only() -> bytes:
    return pdf.render("pdf/layout.jinja", {"title": "Łukasz Şükrü's record", "author": "Kent and Medway"})


def test_a_pdf_is_tagged_in_english_with_its_title(layout_only):
    document = reader(layout_only)
    root = document.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "en-GB"
    assert document.metadata.title == "Łukasz Şükrü's record"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]


def test_a_pdf_embeds_noto_sans_and_numbers_its_pages(layout_only):
    # The server has no Noto font of its own (Debian's fonts-dejavu-core only): this is print.css's.
    assert embedded_fonts(layout_only) == {"Noto-Sans"}
    assert page_texts(layout_only)[0].endswith("Page 1 of 1")


def test_a_table_right_aligns_figures_and_heads_a_column_of_figures_to_the_right():
    table = pdf.table([["Area", "Count", "Note"], ["Kent", 12, "*"], ["Medway", "*", "Closed"]], row_headers=True)
    assert [cell.numeric for cell in table.header] == [False, True, False]
    assert [[cell.numeric for cell in row] for row in table.rows] == [[False, True, True], [False, True, False]]
    assert table.row_headers


def test_the_table_macro_heads_each_row_and_right_aligns_figures():
    template = engines["jinja2"].from_string('{% from "pdf/table.jinja" import data_table %}{{ data_table(t) }}')
    html = template.render({"t": pdf.table([["Area", "Count"], ["Kent", 12]], row_headers=True)})
    assert '<th scope="row">Kent</th>' in html and '<td class="numeric">12</td>' in html
    assert '<th scope="col" class="numeric">Count</th>' in html


def test_a_table_prints_numbers_without_spurious_decimals_and_nothing_for_none():
    (row,) = pdf.table([["A", "B", "C"], [1.0, 17.753, None]]).rows
    assert [cell.text for cell in row] == ["1", "17.75", ""]


def test_a_table_shades_the_columns_and_rows_for_review():
    table = pdf.table(
        [["When", "Who", "Note"], ["1 Jan", "Jo", "a"], ["2 Jan", "Sam", "b"]], review_columns={1}, review_rows={1}
    )
    assert [[cell.for_review for cell in row] for row in table.rows] == [[False, True, False], [True, True, True]]


def test_structure_tags_are_read_back_in_reading_order():
    body = pdf.render("pdf/layout.jinja", {"title": "Tags"})
    assert structure_tags(body)[0] == "/Document"


def test_a_missing_font_file_says_to_run_make_assets(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    with pytest.raises(ImproperlyConfigured, match="run `make assets`"):
        pdf.render("pdf/layout.jinja", {"title": "Nothing"})


def test_column_widths_fill_the_width_and_give_long_text_the_most_room():
    rows = [["When", "Type", "Notes"], ["1 Jan 2026", "Visit", "A long note " * 20], ["2 Jan 2026", "Call", "x" * 500]]
    widths = pdf.column_widths(rows)
    assert sum(widths) == pytest.approx(100)
    assert widths[2] > widths[0] >= pdf.MINIMUM_COLUMN and widths[1] == pytest.approx(pdf.MINIMUM_COLUMN)


def test_many_columns_share_the_width_equally_when_the_minimum_cannot_be_met():
    widths = pdf.column_widths([[f"Column {n}" for n in range(40)], ["x"] * 40])
    assert widths == pytest.approx([2.5] * 40)
