"""Reading an uploaded spreadsheet (XLSX or CSV) into a heading row and data rows.

The kind of file is decided by its bytes, never its name: a renamed Word document is refused,
and so is a password-protected workbook (Excel saves those as an encrypted OLE container).
"""

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from openpyxl import load_workbook

from keywork.imports.columns import guess
from keywork.imports.values import blank

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")
UNZIPPED_LIMIT_FACTOR = 10
_DATA_LIKE = re.compile(r"^[\d\s/.\-:]+$")


class UnreadableFile(Exception):
    """The file cannot be imported at all; the message says why and what to do."""


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple]  # the cells of each data row, in the headings' order
    first_row_number: int = 2  # the spreadsheet row number of rows[0], as the user sees it


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
            if "xl/workbook.xml" not in archive.namelist():
                raise UnreadableFile("The file is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file")
            # A workbook is compressed XML: a small file can open into gigabytes (a "zip bomb").
            if (
                sum(member.file_size for member in archive.infolist())
                > UNZIPPED_LIMIT_FACTOR * settings.IMPORT_MAX_BYTES
            ):
                raise UnreadableFile(
                    "The spreadsheet is far larger once opened than its file size suggests: save it again"
                )
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        # The register is the first sheet, as services keep it; other sheets (look-ups, notes) are ignored.
        # Read-only workbooks parse a sheet only as its rows are read, so damage shows up here too.
        rows = list(workbook.worksheets[0].iter_rows(values_only=True))
        workbook.close()
    except UnreadableFile:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file (zip, XML, KeyError, ...)
        raise UnreadableFile(
            "The spreadsheet is damaged and cannot be read: open it in Excel and save it again"
        ) from error
    return rows


def _csv_rows(data: bytes) -> list[tuple]:
    if b"\x00" in data or data.startswith(b"%PDF-"):
        raise UnreadableFile("The file is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file")
    for encoding in ("utf-8-sig", "cp1252"):  # Excel's "CSV UTF-8" and its older Windows default
        try:
            content = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableFile("The file is not a spreadsheet: upload an Excel workbook (.xlsx) or a CSV file")
    try:
        return [tuple(row) for row in csv.reader(io.StringIO(content, newline=""))]
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
