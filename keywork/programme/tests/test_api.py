"""The programme's JSON API: every role against every route, another service's records never
reached, every write audited with its actor, and bad input refused by field with nothing saved."""

import datetime
from dataclasses import dataclass, field

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry
from keywork.programme.api import router
from keywork.programme.models import Expenditure, Feedback, FoiRequest, KpiValue, Milestone, Risk, RiskReview
from keywork.programme.tests.conftest import LAST_MONTH, THIS_YEAR
from keywork.testing.api import Api, Route, World, route_params
from keywork.testing.dates import TODAY
from keywork.testing.roles import GRANTED_TO

D = datetime.date
VIEW, MANAGE = Permission.VIEW_PROGRAMME, Permission.MANAGE_PROGRAMME
WORKFORCE, FEEDBACK = Permission.MANAGE_WORKFORCE, Permission.MANAGE_FEEDBACK


URL = "/api/programme"


@dataclass(frozen=True)
class ProgrammeRoute(Route):
    """A route of the programme's router; a write audits the (model, operation) pairs `audited`."""

    audited: frozenset = field(default_factory=frozenset)

    def url(self, world) -> str:
        return URL + super().url(world)


def risk_body(records=None) -> dict:
    return {
        "title": "Data quality",
        "cause": "Late updates",
        "effect": "Wrong census",
        "owner": "DSR coordinator",
        "likelihood": 3,
        "impact": 3,
        "target_score": 4,
        "review_due_on": "2027-01-01",
    }


def expenditure_body(records, **changes) -> dict:
    body = {"line_id": records.line.pk, "spent_on": TODAY.isoformat(), "amount_pence": 100_000, "payee": "KCC"}
    return body | changes


ROUTES = [
    ProgrammeRoute("list KPIs", "get", "/kpis", VIEW),
    ProgrammeRoute("KPI series", "get", f"/kpis/{{kpi}}/series?start={LAST_MONTH.isoformat()}", VIEW),
    ProgrammeRoute(
        "enter a KPI figure",
        "post",
        "/kpis/{kpi}/values",
        MANAGE,
        201,
        lambda r: {"month": LAST_MONTH.isoformat(), "value": "82"},
        audited=frozenset({(KpiValue, "create")}),
    ),
    ProgrammeRoute("list milestones", "get", "/milestones", VIEW),
    ProgrammeRoute(
        "add a milestone",
        "post",
        "/milestones",
        MANAGE,
        201,
        lambda r: {"title": "Launch", "due_on": TODAY.isoformat(), "owner": "Programme lead"},
        audited=frozenset({(Milestone, "create")}),
    ),
    ProgrammeRoute("budget", "get", "/budget", VIEW),
    ProgrammeRoute(
        "record expenditure",
        "post",
        "/expenditure",
        MANAGE,
        201,
        expenditure_body,
        audited=frozenset({(Expenditure, "create")}),
    ),
    ProgrammeRoute("list risks", "get", "/risks", VIEW),
    ProgrammeRoute("add a risk", "post", "/risks", MANAGE, 201, risk_body, audited=frozenset({(Risk, "create")})),
    ProgrammeRoute(
        "review a risk",
        "post",
        "/risks/{risk}/reviews",
        MANAGE,
        200,
        lambda r: {"reviewed_on": TODAY.isoformat(), "likelihood": 2, "impact": 2, "next_review_due_on": "2027-06-01"},
        audited=frozenset({(RiskReview, "create"), (Risk, "update")}),
    ),
    ProgrammeRoute("list feedback", "get", "/feedback", FEEDBACK),
    ProgrammeRoute(
        "add feedback",
        "post",
        "/feedback",
        FEEDBACK,
        201,
        lambda r: (
            {"kind": "compliment", "received_on": TODAY.isoformat(), "from_whom": "A parent"}
            | {"about": "Visits", "summary": "Thank you"}
        ),
        audited=frozenset({(Feedback, "create")}),
    ),
    ProgrammeRoute("list FOI requests", "get", "/foi", FEEDBACK),
    ProgrammeRoute(
        "add an FOI request",
        "post",
        "/foi",
        FEEDBACK,
        201,
        lambda r: {"received_on": TODAY.isoformat(), "requester": "A journalist", "subject": "Costs"},
        audited=frozenset({(FoiRequest, "create")}),
    ),
    ProgrammeRoute("workforce", "get", "/workforce?on=2026-06-01", WORKFORCE),
]
WRITES = [route for route in ROUTES if route.method == "post"]


@pytest.fixture
def records_in(make_kpi, make_risk, make_line):
    return lambda service: World(kpi=make_kpi(service), risk=make_risk(service), line=make_line(service, THIS_YEAR))


@pytest.fixture
def records(service, records_in):
    return records_in(service)


@pytest.fixture
def lead_api(lead_user):
    return Api(lead_user)


def test_the_table_of_routes_names_every_route_of_the_programme_router():
    declared = {
        (method.lower(), path.replace("{int:kpi_id}", "{kpi}").replace("{int:risk_id}", "{risk}"))
        for path, path_view in router.path_operations.items()
        for operation in path_view.operations
        for method in operation.methods
    }
    assert declared == {(route.method, route.path.split("?")[0]) for route in ROUTES}


@pytest.mark.parametrize("role", Role.values)
def test_each_role_reaches_exactly_the_routes_its_permissions_allow(api_as, records, role):
    api = api_as(role)
    statuses = {route.name: route.call(api, records).status_code for route in ROUTES}
    assert statuses == {route.name: route.success if role in GRANTED_TO[route.permission] else 403 for route in ROUTES}


def test_a_commissioner_reads_kpis_budget_and_risks_and_nothing_else(api_as, records):
    commissioner = api_as(Role.COMMISSIONER)
    reached = {route.name for route in ROUTES if route.call(commissioner, records).status_code == 200}
    assert reached == {"list KPIs", "KPI series", "list milestones", "budget", "list risks"}
    assert not AuditEntry.objects.exists()


@route_params(ROUTES)
def test_a_request_without_a_token_is_refused(records, route):
    assert route.call(Api(), records).status_code == 401


@route_params(WRITES)
def test_every_write_through_the_api_is_audited_with_the_actor(service, lead_user, records, route):
    response = route.call(Api(lead_user, REMOTE_ADDR="10.9.8.7"), records)
    assert response.status_code == route.success
    entries = list(AuditEntry.objects.all())
    assert {(e.content_type.model_class(), e.operation) for e in entries} == route.audited
    assert all((e.actor, e.service, e.ip_address) == (lead_user, service, "10.9.8.7") for e in entries)


@route_params(route for route in ROUTES if "{" in route.path)
def test_another_services_kpi_or_risk_is_not_found(lead_api, other_service, records_in, route):
    response = route.call(lead_api, records_in(other_service))
    assert response.status_code == 404
    assert not AuditEntry.objects.exists() and not KpiValue.objects.exists() and not RiskReview.objects.exists()


def test_the_lists_hold_only_this_services_records(lead_api, records, other_service, records_in):
    records_in(other_service)
    assert [k["id"] for k in lead_api.get(f"{URL}/kpis").json()] == [records.kpi.pk]
    assert [r["id"] for r in lead_api.get(f"{URL}/risks").json()] == [records.risk.pk]
    budget = lead_api.get(f"{URL}/budget", financial_year=THIS_YEAR).json()
    assert [line["id"] for line in budget["lines"]] == [records.line.pk]


# Budget ------------------------------------------------------------------------------------------


def test_a_new_expenditure_moves_spending_to_date_and_the_variance_by_exactly_its_amount(lead_api, records):
    before = lead_api.get(f"{URL}/budget").json()
    assert lead_api.post(f"{URL}/expenditure", expenditure_body(records, amount_pence=123_456)).status_code == 201
    after = lead_api.get(f"{URL}/budget").json()
    assert after["actual_to_date_pence"] - before["actual_to_date_pence"] == 123_456
    assert after["variance_pence"] - before["variance_pence"] == 123_456
    assert after["lines"][0]["forecast_pence"] - before["lines"][0]["forecast_pence"] == 123_456


def test_the_budget_of_a_past_year_is_reported_in_full(lead_api, service, make_line, spend):
    line = make_line(service, 2024)
    spend(line, D(2025, 3, 31), 13_200_000)
    budget = lead_api.get(f"{URL}/budget?financial_year=2024").json()
    assert (budget["budget_to_date_pence"], budget["actual_to_date_pence"], budget["variance_pence"]) == (
        12_000_000,
        13_200_000,
        1_200_000,
    )
    assert (budget["variance_percent"], budget["forecast_pence"], budget["lines"][0]["outside_tolerance"]) == (
        10.0,
        13_200_000,
        True,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"spent_on": D(THIS_YEAR + 1, 4, 1).isoformat()}, "spent_on", "the date falls in"),
        ({"spent_on": D(THIS_YEAR, 3, 31).isoformat()}, "spent_on", "the date falls in"),
        ({"amount_pence": 0}, "amount_pence", "Enter an amount other than zero"),
        ({"amount_pence": "12.5"}, "amount_pence", ""),
        ({"payee": ""}, "payee", ""),
    ],
)
def test_bad_expenditure_is_refused_by_the_api_naming_the_field(lead_api, records, changes, field, message):
    response = lead_api.post(f"{URL}/expenditure", expenditure_body(records, **changes))
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field] and message in response.json()["errors"][field][0]
    assert not Expenditure.objects.exists() and not AuditEntry.objects.exists()


def test_expenditure_on_another_services_line_is_refused_by_the_api(lead_api, records, other_service, make_line):
    theirs = make_line(other_service, THIS_YEAR)
    response = lead_api.post(f"{URL}/expenditure", expenditure_body(records, line_id=theirs.pk))
    assert response.status_code == 422
    assert response.json() == {"errors": {"line_id": ["No budget line with this id in your service"]}}
    assert not Expenditure.objects.exists()


def test_a_milestone_marked_done_without_evidence_is_refused_by_the_api(lead_api):
    body = {"title": "Launch", "due_on": "2026-09-30", "owner": "Programme lead", "status": "done"}
    response = lead_api.post(f"{URL}/milestones", body)
    assert response.status_code == 422
    assert response.json() == {"errors": {"evidence": ["Give the evidence that the milestone is done"]}}
    assert not Milestone.objects.exists()


# Workforce ---------------------------------------------------------------------------------------


def test_the_workforce_route_gives_headcount_wte_and_vacancies_on_the_date(lead_api, service, make_post, hold):
    hold(make_post(service, "Practice Consultant 1"), "Bea", D(2026, 4, 1))
    hold(make_post(service, "Behaviour Analyst", role="Behaviour Team", hours="22.5"), "Dee", D(2026, 1, 1), wte="0.6")
    make_post(service, "Practice Consultant 2")
    assert lead_api.get(f"{URL}/workforce?on=2026-06-01").json() == {
        "on": "2026-06-01",
        "headcount": 2,
        "wte": "1.60",
        "by_role": [
            {"role": "Behaviour Team", "headcount": 1, "wte": "0.60"},
            {"role": "Practice Consultant", "headcount": 1, "wte": "1.00"},
        ],
        "vacancies": ["Practice Consultant 2"],
    }
