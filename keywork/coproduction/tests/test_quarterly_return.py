"""The quarter's co-production in the NHS England return, beside the lead's narrative: who took part
(suppressed as published) and you said, we did, on the page, in the XLSX and in the PDF."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from keywork.accounts.models import Role
from keywork.reporting.quarters import Quarter
from keywork.testing.dates import TODAY
from keywork.testing.pdf import page_texts

QUARTER = Quarter.containing(TODAY)


def _get(client, name: str, **query):
    return client.get(reverse(name), {"quarter": QUARTER.code, **query})


def test_the_quarters_events_show_in_the_return_with_what_changed(service, as_role, engagement_in):
    engagement_in(service, title="Evening forum", held_on=QUARTER.start, what_changed="Evening sessions added")
    engagement_in(service, title="Last quarter's survey", held_on=QUARTER.previous().end)
    page = _get(as_role(Role.LEAD).http, "reporting:quarterly").content.decode()
    assert "Co-production in the quarter: you said, we did" in page
    assert "Evening sessions added" in page and "Last quarter&#39;s survey" not in page


def test_a_commissioner_sees_the_attendance_suppressed_as_published(service, as_role, engagement_in):
    engagement_in(service, parents_carers=12, young_people=3, professionals=4, held_on=QUARTER.start)
    page = _get(as_role(Role.COMMISSIONER).http, "reporting:quarterly").content.decode()
    section = page[page.index("Co-production in the quarter: who took part") :]
    assert "Parent Carer Forum" in section and ">3<" not in section.replace(" ", "")


def test_the_workbook_and_the_pdf_hold_you_said_we_did(service, as_role, engagement_in):
    engagement_in(service, held_on=QUARTER.start, what_changed="Named contact letters")
    lead = as_role(Role.LEAD).http
    workbook = load_workbook(io.BytesIO(_get(lead, "reporting:quarterly_xlsx").content))
    sheet = workbook["You said, we did"]
    assert "Named contact letters" in [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Co-production who took part" in workbook.sheetnames
    text = " ".join(page_texts(_get(lead, "reporting:quarterly_pdf").content))
    assert "Named contact letters" in text


def test_a_quarter_without_co_production_says_none(service, as_role):
    page = _get(as_role(Role.LEAD).http, "reporting:quarterly").content.decode()
    section = page[page.index("Co-production in the quarter: who took part") :]
    assert section.index("None.") < section.index("</p>")
