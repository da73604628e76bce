"""Synthetic DSR spreadsheets laid out as services keep them, for the demo, the tests and the benchmark.

Every person is fictitious (keywork.register.synthetic: NHS numbers in the 999 test range).
Deliberate mistakes can be put in chosen rows, each of a kind a real spreadsheet has.
"""

import csv
import datetime
import io
import random

from openpyxl import Workbook

from keywork.education.choices import EhcpStatus
from keywork.register.synthetic import build_person
from keywork.spreadsheets import safe_cell

HEADINGS = [
    "NHS No",
    "Forename",
    "Surname",
    "D.O.B.",
    "Local Authority",
    "LD/ASD",
    "RAG",
    "Date of last review",
    "Postcode",
    "Gender",
    "Ethnicity",
    "EHCP",
    "Referral date",
    "Notes",
]
_CONDITIONS = {"ld": "LD", "autism": "ASD", "both": "LD & ASD"}
_RATINGS = ["Red", "Amber", "Green", "Amber", "Green", "Green"]
# Row index (0-based, data rows) → a mistake of this kind; the column each one lands in.
MISTAKES = {
    "check_digit": "NHS No",
    "unreadable_date": "D.O.B.",
    "unknown_rating": "RAG",
    "too_old": "D.O.B.",
    "duplicate": "NHS No",
}


def spreadsheet_rows(service, count: int, seed: int = 0, today: datetime.date | None = None) -> list[list]:
    """`count` rows of fictitious people in `service`, each with a distinct NHS number."""
    rng = random.Random(f"dsr-spreadsheet-{service.slug}-{seed}")
    today = today or datetime.date.today()
    rows, seen = [], set()
    while len(rows) < count:
        person = build_person(service, rng, today)
        if person.nhs_number in seen:
            continue
        seen.add(person.nhs_number)
        reviewed = min(today, person.referral_date + datetime.timedelta(days=rng.randint(0, 120)))
        rows.append(
            [
                f"{person.nhs_number[:3]} {person.nhs_number[3:6]} {person.nhs_number[6:]}",
                person.given_name,
                person.family_name,
                person.date_of_birth.strftime("%d/%m/%Y"),
                person.local_authority,
                _CONDITIONS[person.condition],
                rng.choice(_RATINGS),
                reviewed.strftime("%d/%m/%Y"),
                person.postcode,
                person.get_sex_display(),
                person.ethnicity,
                EhcpStatus(rng.choice(EhcpStatus.values[:3])).label,
                person.referral_date.strftime("%d/%m/%Y"),
                "",
            ]
        )
    return rows


def add_mistakes(rows: list[list], mistakes: dict[int, str]) -> None:
    """Put a mistake of each given kind (see MISTAKES) in the given data row."""
    column = {heading: index for index, heading in enumerate(HEADINGS)}
    for index, kind in mistakes.items():
        row = rows[index]
        if kind == "check_digit":
            digits = row[0].replace(" ", "")
            row[0] = digits[:9] + str((int(digits[9]) + 1) % 10)
        elif kind == "unreadable_date":
            row[column["D.O.B."]] = "31st of Smarch"
        elif kind == "unknown_rating":
            row[column["RAG"]] = "Purple"
        elif kind == "too_old":
            row[column["D.O.B."]] = "01/01/1960"
        elif kind == "duplicate":
            row[0] = rows[index - 1][0]
        else:
            raise ValueError(f"Unknown mistake {kind!r}: one of {', '.join(MISTAKES)}")


def as_xlsx(rows: list[list], headings: list[str] = HEADINGS) -> bytes:
    """The rows as a workbook; like every spreadsheet the app writes, no cell can run as a formula."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("DSR")
    sheet.append([safe_cell(cell) for cell in headings])
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def as_csv(rows: list[list], headings: list[str] = HEADINGS) -> bytes:
    """The rows as CSV, exactly as given: the tests use it to send the app what a careless (or
    hostile) spreadsheet holds, formulas included. The app itself never serves it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")
