"""Files the app writes: the quarterly return as PDF (its XLSX is return_workbook.py), the register as
CSV and XLSX.

Every cell written passes through safe_cell (keywork/spreadsheets.py), so no text runs as a formula.
"""

import csv
import io

from django.utils import timezone
from openpyxl import Workbook

from keywork import pdf
from keywork.pdf import NO_FIGURE
from keywork.presenters import format_nhs_number
from keywork.reporting.return_checks import narrative_not_written
from keywork.spreadsheets import safe_cell
from keywork.suppression import SUPPRESSED, rule_in_words

COPRODUCTION_ATTENDANCE = "Co-production in the quarter: who took part"
COPRODUCTION_RESPONSES = "Co-production in the quarter: you said, we did"


def return_sections(report, tables) -> list[tuple[str, list[list]]]:
    """The return as titled tables of plain values: one source for the screen, XLSX and PDF."""
    sections = [
        (f"People supported: {title.lower()}", _by_rating(table)) for title, table in tables["supported"].items()
    ]
    sections += [(title, _by_rating(table)) for title, table in tables["keywork"].items()]
    sections.append(("Days from referral to keyworker allocation", _days_to_allocation(tables["days_to_allocation"])))
    # Every column is headed, so a spreadsheet reader or screen reader knows what the first one holds.
    for key, title, first_column in [
        ("inpatients_at_end", "In hospital at the quarter's end", "Local authority"),
        ("admissions_in_quarter", "Admissions in the quarter", "Local authority"),
        ("admissions_before", "Admissions in the quarter: community C(E)TR or LAEP before admission", "Admissions"),
        ("detained_at_end", "In hospital at the quarter's end: detained or informal", "Legal status"),
        ("blockers", "System blockers raised, by category", "Category"),
    ]:
        counts = tables[key]
        rows = [[name, n] for name, n in counts.cells.items()]
        sections.append((title, [[first_column, "Count"], *rows, ["Total", counts.total]]))
    sections.append(("Hospital use in the quarter", _hospital_use(tables["hospital_use"])))
    # Received, accepted and declined count different events, so no total adds them.
    referrals = [[name, n] for name, n in tables["referrals_in_quarter"].cells.items()]
    sections.append(("Referrals in the quarter", [["Referrals", "Count"], *referrals]))
    outcomes = tables["outcomes"]
    sections.append(
        (
            "Outcomes",
            [
                ["Measure", "Value"],
                ["Goals rated in the quarter", outcomes["goals_rated"]],
                ["Average change in goal attainment (−2 to +2)", _number(outcomes["average_goal_change"])],
                *[
                    [f"Family-reported change: {name.replace('_', ' ')}", _number(value)]
                    for name, value in outcomes["family_measures"].items()
                ],
                ["Keywork closed in the quarter", outcomes["closings"]],
                ["Admissions avoided at closing", outcomes["admissions_avoided"]],
                ["Family or placement breakdowns prevented", outcomes["breakdowns_prevented"]],
            ],
        )
    )
    workforce = report.workforce
    sections.append(
        (
            "Workforce at the quarter's end",
            [
                ["Role", "Headcount", "Whole-time equivalent"],
                *[[role, f["headcount"], float(f["wte"])] for role, f in workforce["by_role"].items()],
                ["All", workforce["headcount"], float(workforce["wte"])],
            ],
        )
    )
    sections.append(
        (
            "Case studies (consent recorded)",
            [["Title", "Narrative"], *[[case.title, case.narrative] for case in report.case_studies]],
        )
    )
    narrative = report.narrative
    sections.append(
        (
            "Continuous improvement and challenges",
            [
                ["Part", "This quarter"],
                ["Continuous-improvement activity", narrative.improvement if narrative else "Not written yet"],
                ["Challenges", narrative.challenges if narrative else "Not written yet"],
            ],
        )
    )
    sections += _coproduction(report, tables["coproduction"])
    sections.append(
        (
            "Risks scored 8 or more",
            [["Risk", "Score", "Owner"], *[[risk.title, risk.score, risk.owner] for risk in report.risks]],
        )
    )
    return sections


def _by_rating(table, first: str = "Rating") -> list[list]:
    """A rating × local authority table (or another two-way table, its rows named by `first`), with totals."""
    header = [first, *table["columns"], "Total"]
    body = [
        [row, *[cells[c] for c in table["columns"]], table["row_totals"][row]] for row, cells in table["cells"].items()
    ]
    return [header, *body, ["Total", *[table["column_totals"][c] for c in table["columns"]], table["total"]]]


def _coproduction(report, table) -> list[tuple[str, list[list]]]:
    """The quarter's co-production, beside the lead's narrative: who took part (counts, suppressed
    like every table) and what families said and what changed, you said, we did (keywork/coproduction)."""
    if not report.coproduction:
        return [(COPRODUCTION_ATTENDANCE, [["Event"]]), (COPRODUCTION_RESPONSES, [["Event"]])]
    heard = [
        [label, engagement.what_we_heard, engagement.what_changed or "Not recorded yet"]
        for label, engagement in zip(table["cells"], report.coproduction, strict=True)
    ]
    return [
        (COPRODUCTION_ATTENDANCE, _by_rating(table, first="Event")),
        (COPRODUCTION_RESPONSES, [["Event", "What we heard", "What changed"], *heard]),
    ]


def _days_to_allocation(days) -> list[list]:
    median = "Not enough allocations" if days["median"] is None else days["median"]
    return [
        ["Measure", "Value"],
        ["Allocations following an accepted referral", days["allocations"]],
        ["Median days from the referral's receipt to the allocation's start", median],
    ]


def _hospital_use(use) -> list[list]:
    """Bed days and the average stay sit in different rows: they measure different things, so no total."""
    return [
        ["Measure", "Value"],
        ["Bed days in the quarter", use.bed_days],
        ["People with a night in hospital in the quarter", use.people_in_hospital],
        ["Stays ended in the quarter", use.discharges],
        [
            "Average length of stay of the stays ended, in days",
            "No stay ended" if use.average_stay is None else use.average_stay,
        ],
    ]


def _number(value):
    return NO_FIGURE if value is None else round(value, 2)


def return_pdf(report, tables, problems) -> bytes:
    """The return as submitted: a cover (service, ODS code, period), a contents list, the checks and
    any part not yet written, every section of return_sections, and a sign-off block."""
    sections = [
        (f"section-{number}", title, pdf.table(rows, row_headers=True) if len(rows) > 1 else None)
        for number, (title, rows) in enumerate(return_sections(report, tables), start=1)
    ]
    hidden = any(cell.text == SUPPRESSED for _, _, table in sections if table for row in table.rows for cell in row)
    service = report.service
    return pdf.render(
        "reporting/return_pdf.jinja",
        {
            "title": f"{service.name}: NHS England quarterly return {report.quarter.label}",
            "author": service.name,
            "report": report,
            "service": service,
            "made_on": timezone.localdate(),
            "problems": problems,
            # A return without its narrative is not ready to submit, whatever else is right.
            "not_written": narrative_not_written(report),
            "suppression_rule": rule_in_words(service.suppression_threshold) if hidden else "",
            "sections": sections,
            "contents_entries": [
                *([("checks", "Checks before submission")] if problems else []),
                *[(anchor, title) for anchor, title, _ in sections],
                ("sign-off", "Sign-off"),
            ],
        },
    )


REGISTER_COLUMNS = [
    "NHS number",
    "Family name",
    "Given name",
    "Date of birth",
    "Local authority",
    "Rating",
    "Rated on",
    "Next review due",
    "Status",
    "Referral date",
]


def register_rows(people):
    """One row per person; `people` is iterated in chunks so memory does not grow with the register."""
    for person in people.iterator(chunk_size=2000):
        yield [
            safe_cell(value)
            for value in (
                format_nhs_number(person.nhs_number),
                person.family_name,
                person.given_name,
                person.date_of_birth.isoformat(),
                person.local_authority,
                person.rating,
                person.rating_effective_on.isoformat() if person.rating_effective_on else "",
                person.next_review_due.isoformat() if person.next_review_due else "",
                _status(person),
                person.referral_date.isoformat(),
            )
        ]


def _status(person) -> str:
    """The status, marked where consent is withdrawn (register/withdrawal.for_register_export)."""
    withdrawn_on = getattr(person, "consent_withdrawn_on", None)
    return f"{person.status} (consent withdrawn {withdrawn_on.isoformat()})" if withdrawn_on else person.status


class _Echo:
    def write(self, value):
        return value


def register_csv_stream(people):
    writer = csv.writer(_Echo())
    yield writer.writerow(REGISTER_COLUMNS)
    for row in register_rows(people):
        yield writer.writerow(row)


def register_xlsx(people) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Register")
    sheet.append(REGISTER_COLUMNS)
    for row in register_rows(people):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
