"""The quarterly return as a workbook fit to submit to NHS England: a cover sheet (service, period,
when it was made, the checks, each table's definition and the suppression rule), then one sheet per
table with its headings bold and frozen, columns wide enough to read, and numbers stored as numbers.

A suppressed count is a blank cell with a comment and a "Suppressed" column naming it, never the
text "*": a "*" in a column of numbers turns the column into text for whoever adds it up.
"""

import io
import re

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from keywork.figures import hospital
from keywork.figures.catalogue import FIGURES
from keywork.presenters import uk_long_date, uk_long_datetime
from keywork.reporting.exports import NO_FIGURE, return_sections
from keywork.spreadsheets import safe_cell
from keywork.suppression import SUPPRESSED, rule_in_words

# Sheet names: at most 31 characters and none of : \ / ? * [ ] (Excel's rules).
SHEET_NAMES = {
    "People supported: new to the register": "New to the register",
    "People supported: on the register at the quarter's end": "On the register at quarter end",
    "People supported: left the register": "Left the register",
    "In hospital at the quarter's end": "In hospital at quarter end",
    "In hospital at the quarter's end: detained or informal": "Detained or informal",
    "Receiving keywork at the quarter's end": "Receiving keywork",
    "Days from referral to keyworker allocation": "Days to allocation",
    "System blockers raised, by category": "System blockers",
    "Admissions in the quarter: community C(E)TR or LAEP before admission": "C(E)TR or LAEP before admission",
    "Continuous improvement and challenges": "Improvement and challenges",
    "Co-production in the quarter: who took part": "Co-production who took part",
    "Co-production in the quarter: you said, we did": "You said, we did",
}
# Tables that show a figure of the catalogue take its definition from there (keywork/figures), so
# the workbook and the glossary say the same; the return's other tables are defined here.
CATALOGUE_FIGURE = {
    "People supported: on the register at the quarter's end": "On the register, by rating",
    "In hospital at the quarter's end": "In hospital",
    "Admissions in the quarter": "Admissions",
    "Admissions in the quarter: community C(E)TR or LAEP before admission": (
        "Admissions without a prior community C(E)TR or LAEP"
    ),
    "In hospital at the quarter's end: detained or informal": "Detained under the Mental Health Act, or informal",
    "Receiving keywork at the quarter's end": "Receiving keywork",
    "New to keywork in the quarter": "New to keywork",
    "Days from referral to keyworker allocation": "Median days from referral to allocation",
}
DEFINITIONS = {
    "People supported: new to the register": "People referred in the quarter, by their rating at its end "
    "and their local authority.",
    "People supported: left the register": "People removed from or transferred off the register in the "
    "quarter, by their rating at its end.",
    "System blockers raised, by category": "System blockers raised in the quarter.",
    # Two figures of the catalogue in one table, so both definitions.
    "Hospital use in the quarter": f"{hospital.BED_DAYS} {hospital.AVERAGE_STAY}",
    "Referrals in the quarter": "Referrals received in the quarter, and referrals accepted and declined in it "
    "(by the date of the decision).",
    "Outcomes": "Goals rated and keywork closed in the quarter; averages are of the change since the start.",
    "Workforce at the quarter's end": "People filling posts on the quarter's last day, and their whole-time "
    "equivalent (the employer's full-time week is 1: 37.5 hours unless it sets its own).",
    "Case studies (consent recorded)": "Case studies written in the quarter with the family's consent.",
    "Continuous improvement and challenges": "What the programme lead wrote for the quarter.",
    "Co-production in the quarter: who took part": "Parents and carers, young people and professionals who "
    "took part in each forum meeting, survey, focus group or piece of lived experience work held in the quarter.",
    "Co-production in the quarter: you said, we did": "What families and young people told the service at each "
    "co-production event in the quarter, and what the service changed because of it.",
    "Risks scored 8 or more": "Open risks scoring 8 or more (likelihood × impact).",
}
TITLE, BOLD = Font(bold=True, size=14), Font(bold=True)
WRAPPED = Alignment(wrap_text=True, vertical="top")
NO_FIGURE_COMMENT = "No figure: there was nothing in the quarter to average."
WIDEST = 80  # characters; longer text wraps


def return_xlsx(report, tables, problems, suppressed: bool = True) -> bytes:
    """`suppressed`: the tables are as published (reporting.views.files_suppressed), which the cover says."""
    workbook = Workbook()
    sections = return_sections(report, tables)
    cover = workbook.active
    cover.title = "Cover"
    write_cover(cover, report, problems, sections, suppressed)
    hidden = suppressed_comment(report.service.suppression_threshold)
    for title, rows in sections:
        write_table(workbook.create_sheet(sheet_name(title)), title, rows, hidden)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def definition(title: str) -> str:
    catalogue = {figure.name: figure.definition for figure in FIGURES}
    return catalogue.get(CATALOGUE_FIGURE.get(title, ""), DEFINITIONS.get(title, ""))


def sheet_name(title: str) -> str:
    return SHEET_NAMES.get(title) or re.sub(r"[\\/?*\[\]:]", "", title)[:31].strip()


TRUE_COUNTS = (
    "True counts: nothing is hidden. The return goes to NHS England through a secure collection, not for publication."
)


def suppression_rule(threshold: int, suppressed: bool = True) -> str:
    """Whether the workbook's counts are true or as published, and the rule that hid them (in the
    words of every page, keywork/suppression.py), with how a hidden cell looks here."""
    if not suppressed:
        return TRUE_COUNTS
    return (
        f"Counts as published. {rule_in_words(threshold)} In this workbook a hidden count's cell is left "
        "blank, with a comment, and the Suppressed column names it."
    )


def suppressed_comment(threshold: int) -> str:
    return f"Suppressed: a count from 1 to {threshold}, or hidden so that one cannot be worked out."


def write_cover(sheet, report, problems, sections, suppressed: bool = True) -> None:
    quarter = report.quarter
    sheet.append([safe_cell(f"{report.service.name}: NHS England quarterly return {quarter.label}")])
    sheet["A1"].font = TITLE
    details = [
        ("Service", report.service.name),
        ("Period", f"{uk_long_date(quarter.start)} to {uk_long_date(quarter.end)}"),
        ("Figures as at", uk_long_date(report.as_at)),
        ("Made", uk_long_datetime(timezone.now())),
        ("Small numbers", suppression_rule(report.service.suppression_threshold, suppressed)),
    ]
    for label, value in details:
        sheet.append([label, safe_cell(value)])
    heading(sheet, "Checks before submission")
    for problem in problems or [None]:
        sheet.append(["Warning", safe_cell(f"{problem.text}.")] if problem else ["None: nothing inconsistent found"])
    heading(sheet, "Contents and definitions")
    sheet.append(["Sheet", "Table", "Definition"])
    bold_row(sheet)
    for title, _ in sections:
        sheet.append([sheet_name(title), safe_cell(title), safe_cell(definition(title))])
    set_widths(sheet, first_row=2)


def heading(sheet, text: str) -> None:
    sheet.append([])
    sheet.append([text])
    bold_row(sheet)


def bold_row(sheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD


def write_table(sheet, title: str, rows: list[list], hidden: str) -> None:
    """Row 1 the table's title, row 2 its headings (frozen with it), then its rows."""
    header, body = rows[0], rows[1:]
    marked = any(value == SUPPRESSED for row in body for value in row)
    sheet.append([safe_cell(title)])
    sheet["A1"].font = BOLD
    sheet.append([safe_cell(value) for value in header] + (["Suppressed"] if marked else []))
    bold_row(sheet)
    sheet.freeze_panes = "A3"
    for row in body or [["None"]]:
        write_row(sheet, header, row, hidden, marked)
    set_widths(sheet, first_row=2)


def write_row(sheet, header: list, row: list, hidden: str, marked: bool) -> None:
    suppressed = [str(header[index]) for index, value in enumerate(row) if value == SUPPRESSED]
    values = [None if value in (SUPPRESSED, NO_FIGURE) else safe_cell(value) for value in row]
    sheet.append(values + ([safe_cell(", ".join(suppressed))] if marked else []))
    comments = {SUPPRESSED: hidden, NO_FIGURE: NO_FIGURE_COMMENT}
    for index, value in enumerate(row):
        if value in comments:
            sheet.cell(row=sheet.max_row, column=index + 1).comment = Comment(comments[value], "Keywork")


def set_widths(sheet, first_row: int) -> None:
    """Each column as wide as its longest value (from `first_row`, below the title), up to WIDEST;
    longer text wraps."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=first_row):
        for cell in row:
            length = len(str(cell.value)) if cell.value is not None else 0
            widths[cell.column] = max(widths.get(cell.column, 8), min(length + 2, WIDEST))
            if length > WIDEST:
                cell.alignment = WRAPPED
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
