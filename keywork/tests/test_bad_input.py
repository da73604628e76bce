"""Bad input that once failed with a 500 is refused with a 400 or 422 naming what was wrong: the
register list's sort and page, the budget's financial year, a blocker's person ids, a multipart
body without a boundary."""

from decimal import Decimal

import pytest

from keywork.accounts.models import Role
from keywork.programme.models import Kpi
from keywork.testing.api import errors
from keywork.testing.dates import days_ago

pytestmark = pytest.mark.django_db

HUGE = "100000000000000000000"  # 1e20: more than any database integer holds


@pytest.mark.parametrize(
    ("path", "params", "field", "message"),
    [
        ("/api/people", {"sort": "bogus"}, "sort", "Choose the sort from the values allowed: 'name', '-name'"),
        ("/api/people", {"limit": HUGE}, "limit", "Limit must be 100 or less"),
        ("/api/people", {"offset": HUGE}, "offset", "Offset must be 1000000 or less"),
        ("/api/programme/budget", {"financial_year": "-1"}, "financial_year", "Financial year must be 1900 or more"),
        ("/api/programme/budget", {"financial_year": "9999"}, "financial_year", "Financial year must be 2098 or less"),
    ],
)
def test_a_parameter_out_of_range_is_refused_naming_it(api_as, path, params, field, message):
    response = api_as(Role.LEAD, tolerant=True).get(path, **params)
    assert response.status_code == 422, response.content
    assert errors(response)[field][0].startswith(message)


def test_the_people_list_still_pages_within_the_bounds(api_as):
    response = api_as(Role.LEAD).get("/api/people", limit=100, offset=1_000_000, sort="-name")
    assert response.status_code == 200 and response.json() == {"items": [], "count": 0}


def test_a_blocker_naming_a_person_id_no_record_can_have_is_refused(api_as):
    body = {"category": "short_breaks", "agency": "Provider", "description": "No carers", "raised_on": days_ago(9)}
    response = api_as(Role.MANAGER, tolerant=True).post("/api/outcomes/blockers", {**body, "person_ids": [2**70]})
    assert response.status_code == 422
    assert errors(response) == {"person_ids": ["Name only people on the register whom you may see"]}


def test_a_budget_page_for_a_year_out_of_range_says_which_years_it_has(as_role):
    response = as_role(Role.LEAD).http.get("/programme/budget/", {"year": "99999"})
    assert response.status_code == 400
    assert "Choose a financial year from 1900/01 to 2098/99." in response.content.decode()


def test_a_multipart_body_without_a_boundary_is_a_bad_request(api_as):
    api = api_as(Role.MANAGER, tolerant=True)
    response = api.client.post("/api/outcomes/blockers", b"x", content_type="multipart/form-data", **api.headers)
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ("9999-12-01", "The start date must be between 1 January 1900 and 31 December 2099"),
        ("2099-12-01", "The start date must be today or in the past"),
        ("0001-01-01", "The start date must be between 1 January 1900 and 31 December 2099"),
    ],
)
def test_a_kpi_series_from_outside_the_era_or_the_future_is_refused(api_as, service, start, message):
    kpi = Kpi.objects.create(
        service=service,
        name="In hospital",
        definition="People in hospital at month end.",
        unit="people",
        direction="lower",
        target=Decimal("0"),
        computation=Kpi.Computation.INPATIENTS,
    )
    response = api_as(Role.LEAD, tolerant=True).get(f"/api/programme/kpis/{kpi.pk}/series", start=start)
    assert errors(response) == {"start": [message]}
