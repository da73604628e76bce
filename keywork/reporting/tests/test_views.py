"""Reporting pages for each role: the dashboard, the quarterly return and the all-services view.
Commissioners and regional viewers see suppressed counts and never a name or an NHS number."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.reporting.quarters import Quarter
from keywork.reporting.tests.conftest import D
from keywork.suppression import SUPPRESSED
from keywork.testing.roles import GRANTED_TO

QUARTER = {"quarter": "2025-Q3"}
AGGREGATE_ROLES = [role for role in Role if role in GRANTED_TO[Permission.VIEW_AGGREGATES]]
REGIONAL_ROLES = {Role.REGIONAL, Role.ADMIN}


def table_after(body: str, caption: str) -> str:
    start = body.index(caption)
    return body[start : body.index("</table>", start)]


def numeric_cells(table: str) -> list[str]:
    return re.findall(r'nhsuk-table__cell--numeric">([^<]*)<', table)


def assert_no_person_shown(body: str, people) -> None:
    for person in people:
        assert person.family_name not in body
        assert person.nhs_number not in body.replace(" ", "")


def test_every_role_that_may_see_aggregates_is_listed():
    assert set(AGGREGATE_ROLES) == set(Role)


@pytest.mark.parametrize("role", AGGREGATE_ROLES)
def test_the_dashboard_and_the_return_open_for_every_role_with_view_aggregates(as_role, q3_register, role):
    client = as_role(role).http
    assert client.get(reverse("reporting:dashboard")).status_code == 200
    response = client.get(reverse("reporting:quarterly"), QUARTER)
    assert response.status_code == 200
    assert response.context["quarter"].label == "2025/26 Q3"
    assert "Quarterly return 2025/26 Q3" in response.content.decode()


def test_the_return_defaults_to_the_last_complete_quarter(as_role):
    response = as_role(Role.MANAGER).http.get(reverse("reporting:quarterly"))
    today = timezone.localdate()
    assert response.context["quarter"] == Quarter.containing(today).previous()
    assert response.context["report"].as_at == Quarter.containing(today).previous().end
    assert response.context["error"] is None


@pytest.mark.parametrize(
    ("code", "message"), [("2024-Q5", "numbered 1 to 4"), ("nonsense", "like 2024-Q2"), ("2099-Q1", "not started")]
)
def test_a_bad_quarter_shows_a_message_linked_to_the_quarter_field(as_role, code, message):
    response = as_role(Role.MANAGER).http.get(reverse("reporting:quarterly"), {"quarter": code})
    assert response.status_code == 200
    assert message in response.context["error"]
    body = response.content.decode()
    assert "There is a problem" in body and 'href="#quarter"' in body


def test_a_year_out_of_the_calendar_is_a_message_not_a_server_error(as_role):
    response = as_role(Role.MANAGER).http.get(reverse("reporting:quarterly"), {"quarter": "99999-Q1"})
    assert response.status_code == 200 and response.context["error"]


def test_the_return_page_shows_suppressed_figures_and_no_person(as_role, q3_register):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reporting:quarterly"), QUARTER)
    body = response.content.decode()
    sections = dict(response.context["sections"])
    at_end = sections["People supported: on the register at the quarter's end"]
    assert at_end[1:] == [
        ["Red", SUPPRESSED, 0, SUPPRESSED],
        ["Amber", SUPPRESSED, 0, SUPPRESSED],
        ["Green", 0, SUPPRESSED, SUPPRESSED],
        ["Blue", 0, SUPPRESSED, SUPPRESSED],
        ["Total", SUPPRESSED, SUPPRESSED, SUPPRESSED],
    ]
    assert "computed from the records as they stood on 31 December 2025" in body
    assert_no_person_shown(body, q3_register.values())


def test_the_quarter_list_offers_each_quarter_since_the_first_referral(as_role, q3_register):
    response = as_role(Role.MANAGER).http.get(reverse("reporting:quarterly"), QUARTER)
    labels = [quarter.label for quarter in response.context["quarters"]]
    assert labels[-1] == "2024/25 Q4"  # admitted_and_discharged was referred on 1 March 2025
    assert 'value="2025-Q3" selected' in response.content.decode()


def test_the_commissioners_dashboard_shows_suppressed_register_counts_and_no_person(as_role, q3_register):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reporting:dashboard"))
    body = response.content.decode()
    register = response.context["f"]["register"]
    counts = [n for series in register.values() for n in series]
    assert SUPPRESSED in counts
    assert not [n for n in counts if isinstance(n, int) and 0 < n <= 7]
    assert_no_person_shown(body, q3_register.values())


def test_a_manager_sees_exact_register_counts_on_the_dashboard(as_role, q3_register):
    register = as_role(Role.MANAGER).http.get(reverse("reporting:dashboard")).context["f"]["register"]
    assert SUPPRESSED not in [n for series in register.values() for n in series]
    months = as_role(Role.MANAGER).http.get(reverse("reporting:dashboard")).context["f"]["labels"]
    december = months.index("Dec 25")
    assert (register["red"][december], register["amber"][december], register["blue"][december]) == (3, 2, 1)


def test_the_commissioners_dashboard_hides_small_inpatient_counts(as_role, q3_register):
    # At the ends of September to December 2025, 1, 2, 1 and 1 people were in hospital.
    body = as_role(Role.COMMISSIONER).http.get(reverse("reporting:dashboard")).content.decode()
    shown = numeric_cells(table_after(body, "People in hospital at each month's end"))
    small = [cell for cell in shown if cell.strip().isdigit() and 0 < int(cell) <= 7]
    assert not small, f"a commissioner sees in-hospital counts of {small}"


def test_the_commissioners_dashboard_hides_a_rate_from_a_few_admissions_and_the_manager_sees_it(as_role, q3_register):
    # Four admissions from September to December 2025, none with its C(E)TR held: each month's on-time
    # rate comes from one or two admissions.
    for role, shown in ((Role.COMMISSIONER, False), (Role.MANAGER, True)):
        figures = as_role(role).http.get(reverse("reporting:dashboard")).context["f"]
        rates = [rate for rate in figures["ctr_on_time"] if rate is not None]
        assert rates and all((rate != SUPPRESSED) == shown for rate in rates), (role, rates)


@pytest.mark.parametrize("role", [role for role in Role if role not in REGIONAL_ROLES])
def test_the_all_services_page_is_refused_to_other_roles(as_role, role):
    assert as_role(role).http.get(reverse("reporting:regional"), QUARTER).status_code == 403


@pytest.fixture
def two_services(q3_register, other_service, make_user, add_person, enrol):
    recorder = make_user(other_service, Role.COORDINATOR)
    others = [
        add_person(other_service, recorder, rating="red", local_authority="Cambridgeshire", referral_date=D(2025, 5, d))
        for d in range(1, 11)
    ]
    for day in range(1, 9):
        enrol("Kent", D(2025, 10, day), "red")
    return [*q3_register.values(), *others]


@pytest.mark.parametrize("role", sorted(REGIONAL_ROLES))
def test_the_all_services_page_puts_the_services_side_by_side_without_names(as_role, two_services, role):
    response = as_role(role).http.get(reverse("reporting:regional"), QUARTER)
    assert response.status_code == 200
    on_register = response.context["on_register"]
    assert on_register["columns"] == ["Cambridgeshire and Peterborough", "Kent and Medway"]
    # Kent and Medway: red 3 + 8 = 11, amber 2, green 1, blue 1; Cambridgeshire and Peterborough: red 10.
    assert on_register["cells"]["Red"] == {"Cambridgeshire and Peterborough": 10, "Kent and Medway": 11}
    assert on_register["row_totals"]["Red"] == 21
    assert on_register["cells"]["Amber"]["Kent and Medway"] == SUPPRESSED
    body = response.content.decode()
    assert "Cambridgeshire and Peterborough" in body and "Kent and Medway" in body
    assert_no_person_shown(body, two_services)


def test_the_all_services_page_rolls_up_inpatients(as_role, two_services):
    hospital = as_role(Role.REGIONAL).http.get(reverse("reporting:regional"), QUARTER).context["hospital"]
    assert hospital["cells"]["Kent and Medway"]["In hospital at the quarter's end"] == SUPPRESSED
    assert hospital["cells"]["Cambridgeshire and Peterborough"]["Admissions in the quarter"] == 0


def test_the_all_services_page_totals_people_in_hospital_and_admissions_separately(as_role, two_services):
    response = as_role(Role.REGIONAL).http.get(reverse("reporting:regional"), QUARTER)
    hospital = response.context["hospital"]
    # Each service is a row; the stock and the flow are columns, each with its own total, and no
    # total adds people in hospital on a date to admissions over the quarter.
    assert set(hospital["cells"]) == {"Cambridgeshire and Peterborough", "Kent and Medway"}
    assert set(hospital["column_totals"]) == {"In hospital at the quarter's end", "Admissions in the quarter"}
    body = response.content.decode()
    assert "<h2>Inpatients</h2>" not in body and "never added together" in body


def test_pages_need_a_login(client):
    for name in ("dashboard", "quarterly", "regional", "register_csv"):
        response = client.get(reverse(f"reporting:{name}"))
        assert response.status_code == 302 and "login" in response.url


def test_the_leads_narrative_for_a_quarter_appears_in_the_return(service, make_user):
    from conftest import logged_in

    lead = logged_in(make_user(service, "lead"))
    url = reverse("reporting:narrative") + "?quarter=2025-Q3"
    assert lead.http.post(url, {"improvement": "New crisis pathway", "challenges": "Housing"}).status_code == 302
    page = lead.http.get(reverse("reporting:quarterly") + "?quarter=2025-Q3").content.decode()
    assert "New crisis pathway" in page and "Housing" in page
