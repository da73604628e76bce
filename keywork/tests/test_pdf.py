"""What both PDFs share: columns that fit the page, text printed as typed, and the embedded font."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from keywork import pdf


def test_column_widths_fill_the_text_width_and_give_long_text_the_most_room():
    rows = [["When", "Type", "Notes"], ["1 Jan 2026", "Visit", "A long note " * 20], ["2 Jan 2026", "Call", "x" * 500]]
    widths = pdf.column_widths(rows)
    assert sum(widths) == pytest.approx(pdf.TEXT_WIDTH)
    assert widths[2] > widths[0] >= pdf.MINIMUM_COLUMN and widths[1] == pytest.approx(pdf.MINIMUM_COLUMN)


def test_many_columns_share_the_width_equally_when_the_minimum_cannot_be_met():
    widths = pdf.column_widths([[f"Column {n}" for n in range(40)], ["x"] * 40], total=400)
    assert widths == pytest.approx([10] * 40)


def test_markup_escapes_tags_and_keeps_line_breaks():
    assert pdf.markup("<b>Tom & Jo</b>\r\nnext\rlast") == "&lt;b&gt;Tom &amp; Jo&lt;/b&gt;<br/>next<br/>last"


def test_a_missing_font_file_says_to_run_make_assets(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    pdf.register_fonts.cache_clear()
    try:
        with pytest.raises(ImproperlyConfigured, match="run `make assets`"):
            pdf.register_fonts()
    finally:
        pdf.register_fonts.cache_clear()
