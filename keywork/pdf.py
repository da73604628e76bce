"""The one way the app makes a PDF (the quarterly return, the subject access pack): a Jinja2 template
extending pdf/layout.jinja, laid out by WeasyPrint with the shared print stylesheet
(keywork/jinja2/pdf/print.css) as a tagged PDF (PDF/UA-1), so a screen reader finds its headings
and table cells.

Noto Sans is embedded (print.css's @font-face, from static_build/fonts/, copied by `make assets`) so
"Łukasz", Welsh "ŵ" or Turkish "ş" print as typed whatever fonts the server has. WeasyPrint needs
Debian's Pango and HarfBuzz libraries: scripts/pdf-libs.sh installs them.
"""

import decimal
import statistics
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import render_to_string
from weasyprint import HTML

from keywork.presenters import figure
from keywork.suppression import SUPPRESSED

FONT_DIR = settings.BASE_DIR / "static_build" / "fonts"
FONT_FILES = ("NotoSans_400Regular.ttf", "NotoSans_700Bold.ttf")
NO_FIGURE = "–"  # an average of nothing, e.g. when no goal was rated
# Tables are laid out at fixed column widths (print.css): measuring a long note's narrowest and widest
# layout, as the automatic layout does, takes minutes. A column's share of the width follows its
# typical text, counted up to this many characters, so one long note does not squeeze every other
# column; no column is narrower than MINIMUM_COLUMN per cent of the width.
TYPICAL_TEXT_CAP = 80
MINIMUM_COLUMN = 5.0


def render(template_name: str, context: dict) -> bytes:
    """The template (which extends pdf/layout.jinja and sets `title`) as a tagged PDF."""
    missing = [name for name in FONT_FILES if not (FONT_DIR / name).is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"The PDF font {', '.join(missing)} is missing from {FONT_DIR}: run `make assets` to copy it there"
        )
    html = render_to_string(template_name, context)
    # print.css names the font files relative to the document, so the document's base is their folder.
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")


@dataclass(frozen=True)
class Cell:
    text: str
    numeric: bool = False  # right-aligned, so the units line up
    for_review: bool = False  # shaded: the subject access pack's parts reviewed before release


@dataclass(frozen=True)
class Table:
    header: list[Cell]
    rows: list[list[Cell]]
    widths: list[float]  # per cent of the table's width
    row_headers: bool  # the first cell of each row names it (a rating, a measure), read out with its figures


def is_figure(value) -> bool:
    """Whether a value is printed as a figure: a number, a hidden count or no figure.

    >>> is_figure(12), is_figure(0.5), is_figure("*"), is_figure("Kent"), is_figure(True)
    (True, True, True, False, False)
    """
    if isinstance(value, bool):
        return False
    return isinstance(value, (int, float, decimal.Decimal)) or value in (SUPPRESSED, NO_FIGURE)


def table(
    rows: list[list],
    *,
    row_headers: bool = False,
    review_columns: set[int] = frozenset(),
    review_rows: set[int] = frozenset(),
) -> Table:
    """Rows of plain values, the first the header, as cells for pdf/table.jinja: numbers without
    spurious decimals and right-aligned (a column's heading too, when all it holds are figures)."""
    header, *body = rows
    numeric_columns = {i for i in range(len(header)) if body and all(is_figure(row[i]) for row in body)}
    return Table(
        header=[Cell(str(label), numeric=i in numeric_columns) for i, label in enumerate(header)],
        rows=[
            [
                Cell(_text(value), numeric=is_figure(value), for_review=i in review_columns or r in review_rows)
                for i, value in enumerate(row)
            ]
            for r, row in enumerate(body)
        ],
        widths=column_widths(rows),
        row_headers=row_headers,
    )


def column_widths(rows: list[list], total: float = 100.0, minimum: float = MINIMUM_COLUMN) -> list[float]:
    """Widths summing to `total`, shared by each column's typical text length (the header's longest
    word at least), none below `minimum`.

    >>> [round(w) for w in column_widths([["When", "Notes"], ["1 Jan 2026", "x" * 60]], total=200, minimum=40)]
    [40, 160]
    """
    columns = list(zip(*rows, strict=True))
    weights = []
    for header, *cells in columns:
        typical = statistics.mean(min(len(_text(cell)), TYPICAL_TEXT_CAP) for cell in cells) if cells else 0
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


def _text(value) -> str:
    return "" if value is None else str(figure(value))
