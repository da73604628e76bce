"""The quarterly return's PDF, fit to submit, read back as a reader and a screen reader would: the
cover (service, ODS code, period), page numbers, contents, a warning while the narrative is not
written, the suppression rule where counts are hidden, a sign-off block, and tags."""

import re

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.reporting import exports
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.quarterly import published_tables, quarterly_return
from keywork.reporting.tests.conftest import Q3, D
from keywork.suppression import rule_in_words
from keywork.testing.pdf import page_texts, reader, structure_tags

NOT_READY = "Not ready to submit: the narrative is not written"


def download(as_role) -> bytes:
    return as_role(Role.LEAD).http.get(reverse("reporting:quarterly_pdf"), {"quarter": Q3.code}).content


@pytest.fixture
def return_pdf(as_role, service, q3_register) -> bytes:
    service.ods_code = "QKS"
    service.save(update_fields=["ods_code"])
    return download(as_role)


def test_the_cover_names_the_service_its_ods_code_and_the_period(return_pdf):
    cover = page_texts(return_pdf)[0]
    assert "Kent and Medway: NHS England quarterly return 2025/26 Q3" in cover
    assert "ODS code QKS" in cover
    assert "Period 2025/26 Q3: 1 October 2025 to 31 December 2025" in cover


def test_a_service_without_an_ods_code_says_so_on_the_cover_and_in_the_checks(as_role, q3_register):
    cover, *rest = page_texts(download(as_role))
    assert "ODS code ODS code not set" in cover
    assert "The service's ODS code is not set" in " ".join(rest)  # in the checks before submission


def test_every_page_is_numbered_page_x_of_y(return_pdf):
    pages = page_texts(return_pdf)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"Page {number} of {len(pages)}")


def test_the_contents_list_every_section_with_the_page_it_starts_on(return_pdf, service):
    pages = page_texts(return_pdf)
    text = " ".join(pages)  # leader dots are in the contents only
    report = quarterly_return(service, Q3, D(2026, 1, 5))
    for title, _ in exports.return_sections(report, published_tables(report)):
        assert re.search(re.escape(title) + r" \.{3,} ?\d+", text), title
    (sign_off_page,) = re.findall(r"Sign-off \.{3,} ?(\d+)", text)
    assert "Prepared by" in pages[int(sign_off_page) - 1]


def test_the_return_ends_with_a_sign_off_block_to_fill_in(return_pdf):
    last = page_texts(return_pdf)[-1]
    assert "Sign-off Name Job title Signature Date Prepared by Approved by" in last


def test_a_narrative_not_written_puts_a_warning_on_the_cover(return_pdf):
    cover = page_texts(return_pdf)[0]
    assert NOT_READY in cover
    assert "The challenges for 2025/26 Q3 are not written." in cover


def test_a_written_narrative_takes_the_warning_away(as_role, service, q3_register):
    lead = as_role(Role.LEAD)
    QuarterNarrative.objects.create(
        service=service, quarter=Q3.code, improvement="Weekly huddles", challenges="Beds", written_by=lead.user
    )
    assert NOT_READY not in " ".join(page_texts(download(as_role)))


def test_the_suppression_rule_is_stated_when_counts_are_hidden(service, q3_register):
    report = quarterly_return(service, Q3, D(2026, 1, 5))
    body = exports.return_pdf(report, published_tables(report), [])
    assert rule_in_words(service.suppression_threshold) in " ".join(page_texts(body))


def test_the_return_is_a_tagged_pdf_with_headings_and_table_cells(return_pdf):
    tags = set(structure_tags(return_pdf))
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= tags
    document = reader(return_pdf)
    assert document.trailer["/Root"]["/Lang"] == "en-GB"
    assert document.metadata.title == "Kent and Medway: NHS England quarterly return 2025/26 Q3"
