"""How a part of the record puts its sections on the record's sub-pages and its alerts and items in
the summary, so a new app slots in by declaring them."""

from types import SimpleNamespace

import pytest

from keywork import personrecord
from keywork.personrecord import TAB_SLUGS, Alert, PageSection, Part, SummaryItem

PERSON = SimpleNamespace(pk=1)


@pytest.fixture
def a_new_part(monkeypatch):
    """A part as a new app would declare it, registered alone for the test (the installed parts
    read the database)."""
    part = Part(
        "safeguarding",
        page_sections=(
            PageSection("details", lambda request, person: "<h2>Safeguarding</h2>"),
            PageSection("records", lambda request, person: ""),
        ),
        summary=(lambda request, person: [SummaryItem("Social worker", "Jo Example")],),
        alerts=(lambda request, person: [Alert("Child protection plan", "red")],),
    )
    monkeypatch.setattr(personrecord, "_parts", {})
    personrecord.register(part)
    return part


def test_a_part_cannot_put_a_section_on_a_sub_page_that_does_not_exist():
    part = Part("misplaced", page_sections=(PageSection("housing", lambda request, person: "x"),))
    with pytest.raises(ValueError, match="'housing'"):
        personrecord.register(part)
    assert "misplaced" not in personrecord._parts


def test_every_installed_part_puts_its_sections_on_a_sub_page_of_the_record():
    tabs = {section.tab for part in personrecord.parts() for section in part.page_sections}
    assert tabs == set(TAB_SLUGS)


def test_a_new_parts_section_shows_on_its_own_sub_page_only(a_new_part):
    assert "<h2>Safeguarding</h2>" in personrecord.page_sections(None, PERSON, "details")
    assert "<h2>Safeguarding</h2>" not in personrecord.page_sections(None, PERSON, "keywork")


def test_a_section_with_nothing_to_show_is_left_out(a_new_part):
    assert personrecord.page_sections(None, PERSON, "records") == []


def test_a_new_parts_alerts_and_summary_items_join_the_summary(a_new_part):
    assert personrecord.alerts(None, PERSON) == [Alert("Child protection plan", "red")]
    assert personrecord.summary_items(None, PERSON) == [SummaryItem("Social worker", "Jo Example")]
