"""What the PDFs the app writes share (the subject access pack, the quarterly return): an embedded
Unicode font, paragraph styles, and tables whose columns fit the page and whose cells wrap.

Noto Sans is embedded because reportlab's built-in Helvetica covers Latin-1 only: "Łukasz", Welsh
"ŵ" or Turkish "ş" would print as ■. `make assets` copies the font from npm into static_build/fonts/.
"""

import functools
import io
import statistics
from html import escape

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONT_DIR = settings.BASE_DIR / "static_build" / "fonts"
FONT, BOLD_FONT = "NotoSans", "NotoSans-Bold"
FONT_FILES = {FONT: "NotoSans_400Regular.ttf", BOLD_FONT: "NotoSans_700Bold.ttf"}

PAGE_SIZE = landscape(A4)
MARGIN = 36  # half an inch: wide tables (a referral has 16 columns) need the room
FRAME_PADDING = 6  # reportlab's default padding inside SimpleDocTemplate's frame
TEXT_WIDTH = PAGE_SIZE[0] - 2 * MARGIN - 2 * FRAME_PADDING
CELL_PADDING = 3
HEADER_SHADE = colors.HexColor("#e8edee")
# A column's share of the width follows its typical text, counted up to this many characters, so one
# long note does not squeeze every other column; a column is never narrower than MINIMUM_COLUMN points.
TYPICAL_TEXT_CAP = 80
MINIMUM_COLUMN = 40


@functools.cache
def register_fonts() -> None:
    """Register Noto Sans with reportlab once per process (an error is not cached: a later call retries)."""
    missing = [name for name in FONT_FILES.values() if not (FONT_DIR / name).is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"The PDF font {', '.join(missing)} is missing from {FONT_DIR}: run `make assets` to copy it there"
        )
    for font, file_name in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(font, str(FONT_DIR / file_name)))
    # So <b> in a paragraph picks the bold face (Noto Sans italics are not embedded: italic prints upright).
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD_FONT, italic=FONT, boldItalic=BOLD_FONT)


def styles() -> StyleSheet1:
    """Title, Heading2, Normal, and Cell/HeaderCell for tables, all in the embedded font."""
    register_fonts()
    sample = getSampleStyleSheet()
    sheet = StyleSheet1()
    sheet.add(ParagraphStyle("Title", parent=sample["Title"], fontName=BOLD_FONT))
    sheet.add(ParagraphStyle("Heading2", parent=sample["Heading2"], fontName=BOLD_FONT))
    sheet.add(ParagraphStyle("Normal", parent=sample["Normal"], fontName=FONT))
    # splitLongWords: a URL or any unbroken string longer than its column breaks across lines.
    cell = ParagraphStyle("Cell", parent=sample["BodyText"], fontName=FONT, fontSize=9, leading=11, splitLongWords=1)
    sheet.add(cell)
    sheet.add(ParagraphStyle("HeaderCell", parent=cell, fontName=BOLD_FONT))
    return sheet


def markup(value) -> str:
    """Text typed by users as Paragraph markup: printed as typed, its line breaks kept."""
    text = escape(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\n", "<br/>")


def column_widths(rows: list[list], total: float = TEXT_WIDTH, minimum: float = MINIMUM_COLUMN) -> list[float]:
    """Widths summing to `total`, shared by each column's typical text length (the header's longest
    word at least), none below `minimum`.

    >>> [round(w) for w in column_widths([["When", "Notes"], ["1 Jan 2026", "x" * 60]], total=200)]
    [40, 160]
    """
    columns = list(zip(*rows, strict=True))
    weights = []
    for header, *cells in columns:
        typical = statistics.mean(min(len(str(cell)), TYPICAL_TEXT_CAP) for cell in cells) if cells else 0
        weights.append(max(typical, *(len(word) for word in str(header).split()), 1))
    minimum = min(minimum, total / len(weights))
    at_minimum: set[int] = set()
    while True:
        share = (total - minimum * len(at_minimum)) / sum(w for i, w in enumerate(weights) if i not in at_minimum)
        widths = [minimum if i in at_minimum else weight * share for i, weight in enumerate(weights)]
        too_narrow = {i for i, width in enumerate(widths) if width < minimum and i not in at_minimum}
        if not too_narrow:
            return widths
        at_minimum |= too_narrow


def table(rows: list[list], sheet: StyleSheet1, extra_style: list | tuple = ()) -> Table:
    """A grid with a shaded header row repeated on each page; the first row is the header."""
    header, *body = rows
    cells = [
        [Paragraph(markup(value), sheet["HeaderCell"]) for value in header],
        *[[Paragraph(markup(value), sheet["Cell"]) for value in row] for row in body],
    ]
    # splitInRow: a cell longer than a page (a long visit note) flows on to the next page instead of
    # failing the whole PDF with a LayoutError.
    result = Table(cells, colWidths=column_widths(rows), repeatRows=1, splitInRow=1)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    result.setStyle(TableStyle([*style, *extra_style]))
    return result


def build(story: list, title: str) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
    ).build(story)
    return buffer.getvalue()
