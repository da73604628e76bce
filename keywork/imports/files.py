"""Reading an uploaded spreadsheet (XLSX or CSV) into a heading row and data rows, once, at upload.

The kind of file is decided by its bytes, never its name: a renamed Word document is refused,
and so is a password-protected workbook (Excel saves those as an encrypted OLE container).
Reading is bounded before it starts: a workbook is zipped XML, and a 640 KB file can open into
200 MB and a minute of CPU, so the archive's own directory is checked first, and rows are then
streamed with caps on rows and columns (settings.IMPORT_MAX_*), each refusal naming its limit.
"""

import csv
import datetime
import io
import itertools
import math
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from openpyxl import load_workbook

from keywork.imports.columns import guess
from keywork.imports.values import blank

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
# Below this, a part's compression ratio says nothing: a tiny repetitive part can squash 1,000 times.
RATIO_CHECKED_FROM_BYTES = 1024 * 1024
_DATA_LIKE = re.compile(r"^[\d\s/.\-:]+$")
NOT_A_SPREADSHEET = "The file is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file"


class UnreadableFile(Exception):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple]  # the cells of each data row, in the headings' order
    first_row_number: int = 2  # the spreadsheet row number of rows[0], as the user sees it

    def as_json(self) -> dict:
        """The table as kept on the import run, so later pages never open the file again."""
        return {
            "headings": self.headings,
            "rows": [[_cell_as_json(cell) for cell in row] for row in self.rows],
            "first_row_number": self.first_row_number,
        }

    @classmethod
    def from_json(cls, kept: dict) -> "Table":
        rows = [tuple(_cell_from_json(cell) for cell in row) for row in kept["rows"]]
        return cls(headings=kept["headings"], rows=rows, first_row_number=kept["first_row_number"])


# Date cells keep their type (a real date cell is read differently from the text "01/02/2012").
_TIMES = {"datetime": datetime.datetime, "date": datetime.date, "time": datetime.time}


def _cell_as_json(cell):
    if isinstance(cell, (datetime.datetime, datetime.date, datetime.time)):
        kind = next(name for name, kind in _TIMES.items() if isinstance(cell, kind))
        return {kind: cell.isoformat()}
    if isinstance(cell, float) and not math.isfinite(cell):
        return str(cell)  # JSON (and PostgreSQL's jsonb) has no NaN or infinity
    if cell is None or isinstance(cell, (str, int, float)):
        return cell
    return str(cell)


def _cell_from_json(cell):
    if isinstance(cell, dict):
        ((kind, value),) = cell.items()
        return _TIMES[kind].fromisoformat(value)
    return cell


def read_table(data: bytes) -> Table:
    limit = settings.IMPORT_MAX_BYTES
    if len(data) > limit:
        raise UnreadableFile(f"The file is larger than {limit // (1024 * 1024)} MB: split it, or remove other sheets")
    if not data.strip():
        raise UnreadableFile("The file is empty")
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_MARK in data:
            raise UnreadableFile("The file is password-protected: remove the password in Excel, save it and try again")
        raise UnreadableFile("The file is in the old Excel 97-2003 format: save it as .xlsx or .csv and try again")
    rows = _xlsx_rows(data) if data.startswith(b"PK\x03\x04") else _csv_rows(data)
    return _table(rows)


def _xlsx_rows(data: bytes) -> list[tuple]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_archive(archive)
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # The register is the first sheet, as services keep it; other sheets (look-ups, notes) are ignored.
        sheet = workbook.worksheets[0]
        # The sheet's stated size is ignored: Excel often states a million rows, and openpyxl would
        # then hand back every empty one. Rows come one at a time, so the caps stop the reading.
        sheet.reset_dimensions()
        # Cells right of the column cap are not even built (a row can claim column 16,384); one
        # more than the cap is read so that a file which is too wide can be told so.
        rows = _capped(sheet.iter_rows(max_col=settings.IMPORT_MAX_COLUMNS + 1, values_only=True))
        workbook.close()
    except UnreadableFile:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file (zip, XML, KeyError, ...)
        raise UnreadableFile(
            "The spreadsheet is damaged and cannot be read: open it in Excel and save it again"
        ) from error
    return rows


def _check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook that would open into far more than its size, from the zip's directory alone.

    The sizes there can be trusted as limits: Python's zipfile stops at the stated size and fails
    the file's checksum if the data runs on, so a part cannot unzip to more than it says.
    """
    parts = archive.infolist()
    if len(parts) > settings.IMPORT_MAX_ZIP_ENTRIES:
        raise UnreadableFile(
            f"The spreadsheet holds more than {settings.IMPORT_MAX_ZIP_ENTRIES:,} parts (sheets, images and "
            "other items): copy the register into a new workbook, save it and upload that"
        )
    if "xl/workbook.xml" not in {part.filename for part in parts}:
        raise UnreadableFile(NOT_A_SPREADSHEET)
    unzipped_limit = settings.IMPORT_MAX_UNZIPPED_BYTES
    if sum(part.file_size for part in parts) > unzipped_limit:
        raise UnreadableFile(
            f"The spreadsheet opens to more than {unzipped_limit // (1024 * 1024)} MB: remove other sheets "
            "and images, or split it into smaller files"
        )
    ratio = settings.IMPORT_MAX_COMPRESSION_RATIO
    if any(
        part.file_size > RATIO_CHECKED_FROM_BYTES and part.file_size > ratio * max(part.compress_size, 1)
        for part in parts
    ):
        raise UnreadableFile(
            f"The spreadsheet opens to more than {ratio} times its file size, which a register never does: "
            "copy the register into a new workbook, save it and upload that"
        )


def _capped(rows) -> list[tuple]:
    """The rows, refusing a file over the row or column cap as soon as the reading reaches it."""
    row_limit, column_limit = settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_COLUMNS
    kept = []
    for row in itertools.islice(rows, row_limit + 1):
        if any(not blank(cell) for cell in row[column_limit:]):
            raise UnreadableFile(
                f"The file has more than {column_limit:,} columns: delete the columns Keywork does not need "
                "and try again"
            )
        kept.append(tuple(row[:column_limit]))
    if len(kept) > row_limit:
        raise UnreadableFile(
            f"The file has more than {row_limit:,} rows: split it into files of up to {row_limit:,} rows "
            "(delete any empty rows below the register too)"
        )
    return kept


def _csv_rows(data: bytes) -> list[tuple]:
    if b"\x00" in data or data.startswith(b"%PDF-"):
        raise UnreadableFile(NOT_A_SPREADSHEET)
    for encoding in ("utf-8-sig", "cp1252"):  # Excel's "CSV UTF-8" and its older Windows default
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile(NOT_A_SPREADSHEET)
    try:
        return _capped(csv.reader(io.StringIO(content, newline="")))
    except csv.Error as error:
        raise UnreadableFile(f"The CSV file cannot be read: {error}") from error


def _looks_like_data(cell) -> bool:
    if isinstance(cell, (int, float, datetime.date)):
        return True
    return bool(_DATA_LIKE.match(str(cell).strip()))


HEADING_SEARCH_ROWS = 10


def _heading_row_index(rows: list[tuple]) -> int | None:
    """Where the headings are: services put titles and blank lines above them ("Kent DSR – March 2026").

    Of the first rows with anything in them, the one with the most headings we recognise; failing
    that, the first with two or more cells filled; failing that, the first.
    """
    filled = [index for index, row in enumerate(rows) if not all(blank(cell) for cell in row)][:HEADING_SEARCH_ROWS]
    if not filled:
        return None
    recognised = {index: len(guess([str(cell) for cell in rows[index] if not blank(cell)])) for index in filled}
    best = max(filled, key=lambda index: (recognised[index], -index))
    if recognised[best]:
        return best
    return next((index for index in filled if sum(not blank(cell) for cell in rows[index]) >= 2), filled[0])


def _table(rows: list[tuple]) -> Table:
    start = _heading_row_index(rows)
    if start is None:
        raise UnreadableFile("The file is empty")
    heading_row = rows[start]
    filled = [cell for cell in heading_row if not blank(cell)]
    if sum(_looks_like_data(cell) for cell in filled) * 2 >= len(filled):
        raise UnreadableFile(
            "The first row holds data, not column headings: add a row of headings (like 'NHS number', "
            "'Date of birth', 'RAG') at the top"
        )
    width = max((index + 1 for index, cell in enumerate(heading_row) if not blank(cell)), default=0)
    headings = _distinct([_heading(cell, index) for index, cell in enumerate(heading_row[:width])])
    data = [tuple(row[:width]) + (None,) * (width - len(row)) for row in rows[start + 1 :]]
    while data and all(blank(cell) for cell in data[-1]):
        data.pop()
    if not data:
        raise UnreadableFile("The file has column headings but no rows under them")
    return Table(headings=headings, rows=data, first_row_number=start + 2)


HEADING_LENGTH = 100


def _heading(cell, index: int) -> str:
    heading = " ".join(str(cell).split())[:HEADING_LENGTH] if not blank(cell) else ""
    return heading or f"Column {index + 1} (no heading)"


def _distinct(headings: list[str]) -> list[str]:
    """Two columns both headed "Notes" become "Notes" and "Notes (2)", so each can be told apart."""
    seen, distinct = {}, []
    for heading in headings:
        seen[heading] = seen.get(heading, 0) + 1
        distinct.append(heading if seen[heading] == 1 else f"{heading} ({seen[heading]})")
    return distinct
