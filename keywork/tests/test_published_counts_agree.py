"""Issue 16, "Who sees what": the same figure is suppressed the same way on every page, file and API
route a commissioner or a regional viewer can reach, so no hidden count can be worked out by comparing
two outputs; staff see true counts and can switch to them as published; the return's files carry true
counts unless the service chooses otherwise; every suppressed output states the rule.

The register on 25 November 2026 (the tests' today), in 2026/27 Q3 (October to December):
red 9 (all Medway, admitted and discharged in October), amber 12, green 15, blue 2 (one in each area,
admitted in November). Blue is small, so hidden; red, the next smallest, is hidden beside it (the
issue's example: Blue given away by subtraction wherever Red is shown). Admissions in the quarter:
Kent 1, Medway 10, so both are hidden and the total rounded to 10.
"""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.programme.models import Kpi
from keywork.reporting.quarters import Quarter
from keywork.suppression import SUPPRESSED, rule_in_words
from keywork.testing.api import Api, ok

D = datetime.date
TODAY = D(2026, 11, 25)
QUARTER = {"quarter": Quarter.containing(TODAY).code}
ON_REGISTER = "People supported: on the register at the quarter's end"
ADMISSIONS = "Admissions in the quarter"
IN_HOSPITAL = "In hospital at the quarter's end"
RATINGS = {"red": "Red", "amber": "Amber", "green": "Green", "blue": "Blue"}
PUBLISHED = {"red": SUPPRESSED, "amber": 12, "green": 15, "blue": SUPPRESSED}
TRUE = {"red": 9, "amber": 12, "green": 15, "blue": 2}
RULE = rule_in_words(7)


@pytest.fixture
def register(service, coordinator_user, add_person, admit):
    def enrol(area, rating):
        return add_person(service, coordinator_user, rating=rating, local_authority=area, referral_date=D(2026, 6, 1))

    for area, amber, green in (("Kent", 6, 7), ("Medway", 6, 8)):
        for _ in range(amber):
            enrol(area, "amber")
        for _ in range(green):
            enrol(area, "green")
        admit(enrol(area, "green"), D(2026, 11, 1))  # blue: in hospital today
    for _ in range(9):
        admit(enrol("Medway", "amber"), D(2026, 10, 2), discharged_on=D(2026, 10, 10))  # red after discharge
    Kpi.objects.create(
        service=service,
        name="People in hospital",
        definition="At each month's end.",
        unit="people",
        direction="lower",
        target=Decimal(1),
        computation=Kpi.Computation.INPATIENTS,
    )
    return service


def section(response, title) -> dict:
    """A table of the return page as {first cell: the row's other cells}."""
    (rows,) = [rows for heading, rows in response.context["sections"] if heading == title]
    return {row[0]: row[1:] for row in rows[1:]}


def workbook_table(workbook, sheet) -> dict:
    """A sheet of the return's workbook as published: a blank count is a hidden one."""
    rows = list(workbook[sheet].iter_rows(min_row=3, values_only=True))
    width = len(next(workbook[sheet].iter_rows(min_row=2, max_row=2, values_only=True)))
    return {row[0]: [SUPPRESSED if value is None else value for value in row[1:width]] for row in rows}


def without_suppressed_column(workbook, sheet) -> dict:
    header = next(workbook[sheet].iter_rows(min_row=2, max_row=2, values_only=True))
    columns = len(header) - (1 if header[-1] == "Suppressed" else 0)
    return {name: cells[: columns - 1] for name, cells in workbook_table(workbook, sheet).items()}


def download(client, query=None):
    response = client.http.get(reverse("reporting:quarterly_xlsx"), QUARTER | (query or {}))
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def every_output(client) -> dict:
    """Each output the role can reach, by name: the register by rating today as it shows it, its
    total, admissions in the quarter and people in hospital today, and whether it states the rule."""
    http, outputs = client.http, {}
    home = http.get(reverse("home"))
    outputs["home"] = (home.context["figures"]["cells"], home.context["figures"]["total"], RULE in home.text)
    api = ok(Api(client.user).get("/api/figures/register"))
    outputs["API /figures/register"] = (api["by_rating"], api["total"], api["suppression_rule"] == RULE)
    dashboard = http.get(reverse("reporting:dashboard"))
    current = {rating: counts[-1] for rating, counts in dashboard.context["f"]["register"].items()}
    outputs["dashboard"] = (current, None, RULE in dashboard.text)
    page = http.get(reverse("reporting:quarterly"), QUARTER)
    table = section(page, ON_REGISTER)
    by_rating = {rating: table[label][-1] for rating, label in RATINGS.items()}
    outputs["return page"] = (by_rating, table["Total"][-1], RULE in page.text)
    workbook = download(client)
    sheet = without_suppressed_column(workbook, "On the register at quarter end")
    by_rating = {rating: sheet[label][-1] for rating, label in RATINGS.items()}
    cover = {row[0]: row[1] for row in workbook["Cover"].iter_rows(values_only=True) if row and row[0]}
    outputs["return workbook"] = (by_rating, sheet["Total"][-1], RULE in cover["Small numbers"])
    return outputs


def test_a_commissioner_sees_each_register_figure_as_published_and_the_rule_on_every_output(as_role, register):
    for name, (by_rating, total, states_rule) in every_output(as_role(Role.COMMISSIONER)).items():
        assert by_rating == PUBLISHED, name
        assert total in (None, 40), name
        assert states_rule, name


def test_a_regional_viewer_sees_the_same_figures_there_and_on_the_all_services_page(as_role, register):
    regional = as_role(Role.REGIONAL)
    for name, (by_rating, total, states_rule) in every_output(regional).items():
        assert (by_rating, total in (None, 40), states_rule) == (PUBLISHED, True, True), name
    page = regional.http.get(reverse("reporting:regional"), QUARTER)
    on_register = page.context["on_register"]
    by_rating = {rating: on_register["cells"][label][register.name] for rating, label in RATINGS.items()}
    totals = {rating: on_register["row_totals"][label] for rating, label in RATINGS.items()}
    assert by_rating == totals == PUBLISHED
    assert on_register["column_totals"][register.name] == on_register["total"] == 40
    assert RULE in page.text


def test_admissions_and_people_in_hospital_are_hidden_alike_on_the_return_its_file_and_all_services(as_role, register):
    regional = as_role(Role.REGIONAL)
    page = regional.http.get(reverse("reporting:quarterly"), QUARTER)
    workbook = download(regional)
    # Kent 1 is hidden, so Medway 10 is hidden beside it, and the total is rounded.
    assert section(page, ADMISSIONS) == {"Kent": [SUPPRESSED], "Medway": [SUPPRESSED], "Total": [10]}
    assert without_suppressed_column(workbook, ADMISSIONS) == section(page, ADMISSIONS)
    assert section(page, IN_HOSPITAL)["Total"] == [SUPPRESSED]
    hospital = regional.http.get(reverse("reporting:regional"), QUARTER).context["hospital"]
    assert hospital["cells"][register.name] == {IN_HOSPITAL: SUPPRESSED, ADMISSIONS: 10}
    assert hospital["column_totals"] == {IN_HOSPITAL: SUPPRESSED, ADMISSIONS: 10}


def test_people_in_hospital_this_month_are_hidden_alike_on_the_dashboard_kpi_and_census(as_role, register):
    commissioner = as_role(Role.COMMISSIONER)
    dashboard = commissioner.http.get(reverse("reporting:dashboard")).context["f"]
    kpi = Kpi.objects.get(service=register)
    series = ok(Api(commissioner.user).get(f"/api/programme/kpis/{kpi.pk}/series?start=2026-11-01"))
    census = ok(Api(commissioner.user).get("/api/census?start=2026-11-01"))
    assert dashboard["inpatient_counts"][-1] == SUPPRESSED
    assert (series[-1]["value"], series[-1]["suppressed"], series[-1]["suppression_rule"]) == (None, True, RULE)
    # The census adds its own sentence about its second breakdown (detained or informal).
    assert census[-1]["count"] == SUPPRESSED and census[-1]["suppression_rule"].startswith(RULE)


@pytest.mark.parametrize(
    "page",
    ["reporting:hospital_use", "outcomes:blocker_figures", "programme:overview", "reporting:dashboard", "home"],
)
def test_each_page_as_published_states_the_rule(as_role, register, page):
    assert RULE in as_role(Role.COMMISSIONER).http.get(reverse(page)).text


def test_the_kpi_page_and_blocker_figures_api_state_the_rule_as_published(as_role, register):
    commissioner = as_role(Role.COMMISSIONER)
    kpi = Kpi.objects.get(service=register)
    assert RULE in commissioner.http.get(reverse("programme:kpi", args=[kpi.pk])).text
    assert ok(Api(commissioner.user).get("/api/outcomes/blockers/figures"))["suppression_rule"] == RULE


def test_staff_see_the_true_counts_and_can_switch_to_them_as_published(as_role, register):
    lead = as_role(Role.LEAD)
    page = lead.http.get(reverse("reporting:quarterly"), QUARTER)
    assert {rating: section(page, ON_REGISTER)[label][-1] for rating, label in RATINGS.items()} == TRUE
    assert RULE not in page.text and "See them as they will be published" in page.text
    published = lead.http.get(reverse("reporting:quarterly"), QUARTER | {"counts": "published"})
    assert {rating: section(published, ON_REGISTER)[label][-1] for rating, label in RATINGS.items()} == PUBLISHED
    assert RULE in published.text and "See the true counts" in published.text
    dashboard = lead.http.get(reverse("reporting:dashboard"), {"counts": "published"}).context["f"]["register"]
    assert {rating: counts[-1] for rating, counts in dashboard.items()} == PUBLISHED
    api = ok(Api(lead.user).get("/api/figures/register?counts=published"))
    assert (api["by_rating"], api["suppression_rule"]) == (PUBLISHED, RULE)


def test_the_return_page_offers_staff_both_downloads(as_role, register):
    page = as_role(Role.LEAD).http.get(reverse("reporting:quarterly"), QUARTER).text
    assert "Download (true counts)" in page and "Download as it will be published" in page
    commissioner = as_role(Role.COMMISSIONER).http.get(reverse("reporting:quarterly"), QUARTER).text
    assert "Download (true counts)" not in commissioner


def test_the_returns_files_carry_true_counts_for_staff_and_say_so(as_role, register):
    workbook = download(as_role(Role.LEAD))
    sheet = without_suppressed_column(workbook, "On the register at quarter end")
    assert {rating: sheet[label][-1] for rating, label in RATINGS.items()} == TRUE
    cover = {row[0]: row[1] for row in workbook["Cover"].iter_rows(values_only=True) if row and row[0]}
    assert cover["Small numbers"].startswith("True counts: nothing is hidden")


def test_staff_can_download_the_return_as_it_will_be_published(as_role, register):
    workbook = download(as_role(Role.LEAD), {"counts": "published"})
    sheet = without_suppressed_column(workbook, "On the register at quarter end")
    assert {rating: sheet[label][-1] for rating, label in RATINGS.items()} == PUBLISHED


def test_with_the_service_setting_the_returns_files_hide_small_numbers_for_staff_too(as_role, register):
    register.return_files_suppressed = True
    register.save()
    lead = as_role(Role.LEAD)
    workbook = download(lead)
    sheet = without_suppressed_column(workbook, "On the register at quarter end")
    assert {rating: sheet[label][-1] for rating, label in RATINGS.items()} == PUBLISHED
    cover = {row[0]: row[1] for row in workbook["Cover"].iter_rows(values_only=True) if row and row[0]}
    assert RULE in cover["Small numbers"]
    assert AuditEntry.objects.filter(operation=Operation.EXPORT, changes__suppressed=True).exists()
    # On screen the lead still sees the true counts.
    page = lead.http.get(reverse("reporting:quarterly"), QUARTER)
    assert section(page, ON_REGISTER)["Red"][-1] == 9
