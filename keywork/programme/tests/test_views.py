"""The programme pages: every role against every page, another service's records never reached,
every write audited with who made it, and the budget page moved by a new expenditure."""

import datetime
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.assurance.models import Assurance
from keywork.audit.models import AuditEntry
from keywork.programme import urls
from keywork.programme.models import (
    BudgetLine,
    Expenditure,
    Feedback,
    FoiRequest,
    Funding,
    KpiValue,
    Milestone,
    Mitigation,
    Post,
    PostHolding,
    Risk,
    RiskReview,
)
from keywork.programme.tests.conftest import LAST_MONTH, THIS_YEAR
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts

VIEW, MANAGE = Permission.VIEW_PROGRAMME, Permission.MANAGE_PROGRAMME
WORKFORCE, FEEDBACK = Permission.MANAGE_WORKFORCE, Permission.MANAGE_FEEDBACK

# Each page, the record its address names (if any), and the permission it should need.
PAGES = {
    "overview": (None, VIEW),
    "kpi": ("kpi", VIEW),
    "add_kpi_value": ("kpi", MANAGE),
    "add_milestone": (None, MANAGE),
    "edit_milestone": ("milestone", MANAGE),
    "budget": (None, VIEW),
    "add_expenditure": (None, MANAGE),
    "add_funding": (None, MANAGE),
    "add_budget_line": (None, MANAGE),
    "risks": (None, VIEW),
    "add_risk": (None, MANAGE),
    "risk": ("risk", VIEW),
    "review_risk": ("risk", MANAGE),
    "add_mitigation": ("risk", MANAGE),
    "workforce": (None, WORKFORCE),
    "add_post": (None, WORKFORCE),
    "fill_post": ("post", WORKFORCE),
    "add_assurance": (None, WORKFORCE),
    "full_time_week": (None, MANAGE),
    "feedback": (None, FEEDBACK),
    "add_feedback": (None, FEEDBACK),
    "edit_feedback": ("feedback", FEEDBACK),
    "add_foi": (None, FEEDBACK),
    "edit_foi": ("foi", FEEDBACK),
}
PAGES_OF_A_RECORD = [name for name, (record, _) in PAGES.items() if record]


@pytest.fixture
def records_in(make_kpi, make_milestone, make_risk, make_post, make_feedback, make_foi, make_line):
    def make(service) -> dict:
        return {
            "kpi": make_kpi(service),
            "milestone": make_milestone(service),
            "risk": make_risk(service),
            "post": make_post(service),
            "feedback": make_feedback(service),
            "foi": make_foi(service),
            "line": make_line(service, THIS_YEAR),
        }

    return make


@pytest.fixture
def records(service, records_in):
    return records_in(service)


def page_url(name: str, records: dict) -> str:
    record, _ = PAGES[name]
    return reverse(f"programme:{name}", args=[records[record].pk] if record else [])


def test_the_table_of_pages_names_every_programme_page():
    assert set(PAGES) == {pattern.name for pattern in urls.urlpatterns}


def test_a_commissioner_sees_the_kpis_budget_and_risks_but_not_workforce_feedback_or_any_form(as_role, records):
    http = as_role(Role.COMMISSIONER).http
    statuses = {name: http.get(page_url(name, records)).status_code for name in PAGES}
    seen = {"overview", "kpi", "budget", "risks", "risk"}
    assert statuses == {name: 200 if name in seen else 403 for name in PAGES}
    assert (statuses["workforce"], statuses["feedback"]) == (403, 403)


def test_a_team_manager_runs_workforce_and_feedback_and_only_views_the_rest(as_role, records):
    http = as_role(Role.MANAGER).http
    opened = {name for name in PAGES if http.get(page_url(name, records)).status_code == 200}
    assert opened == {"overview", "kpi", "budget", "risks", "risk"} | {
        name for name, (_, permission) in PAGES.items() if permission in (WORKFORCE, FEEDBACK)
    }


def test_someone_not_logged_in_is_sent_to_log_in_from_every_page(client, records):
    for name in PAGES:
        response = client.get(page_url(name, records))
        assert response.status_code == 302 and "login" in response.url, name


@pytest.mark.parametrize("role", [Role.LEAD, Role.ADMIN])
@pytest.mark.parametrize("name", PAGES_OF_A_RECORD)
def test_no_page_of_another_services_record_is_found(as_role, other_service, records_in, role, name):
    theirs = records_in(other_service)
    assert as_role(role).http.get(page_url(name, theirs)).status_code == 404


def test_another_services_complaint_cannot_be_changed_by_posting_to_its_address(lead, other_service, make_feedback):
    theirs = make_feedback(other_service)
    data = {"kind": "compliment", "from_whom": "X", "about": "X", "summary": "X", **date_parts("received_on", TODAY)}
    assert lead.http.post(reverse("programme:edit_feedback", args=[theirs.pk]), data).status_code == 404
    assert Feedback.objects.get().kind == "complaint" and not AuditEntry.objects.exists()


def test_the_overview_and_lists_show_only_this_services_records(lead, other_service, records, records_in):
    records_in(other_service)
    overview = lead.http.get(reverse("programme:overview")).context
    assert [kpi for kpi, _ in overview["kpis"]] == [records["kpi"]]
    assert list(overview["milestones"]) == [records["milestone"]]
    assert [r.line for r in overview["report"].lines] == [records["line"]]
    assert lead.http.get(reverse("programme:risks")).context["risks"] == [records["risk"]]
    assert list(lead.http.get(reverse("programme:workforce")).context["posts"]) == [records["post"]]


# Every write is audited ----------------------------------------------------------------------------


@dataclass
class Write:
    page: str
    data: object  # records → the form's data
    audited: set  # (model, operation) pairs

    def url(self, records) -> str:
        return page_url(self.page, records)


def risk_form(records) -> dict:
    data = {"title": "Data quality", "cause": "Late updates", "effect": "Wrong census", "owner": "DSR coordinator"}
    return data | {"likelihood": "3", "impact": "3", "target_score": "4", **date_parts("review_due_on", TODAY)}


def feedback_form(records) -> dict:
    data = {"kind": "complaint", "from_whom": "A parent", "about": "Visits", "summary": "Cancelled"}
    return data | date_parts("received_on", TODAY)


WRITES = [
    Write("add_kpi_value", lambda r: {"value": "82", **date_parts("month", LAST_MONTH)}, {(KpiValue, "create")}),
    Write(
        "add_milestone",
        lambda r: {"title": "Launch", "owner": "Lead", "status": "not_started", **date_parts("due_on", TODAY)},
        {(Milestone, "create")},
    ),
    Write(
        "edit_milestone",
        lambda r: (
            {"title": "Launch", "owner": "Lead", "status": "done", "evidence": "Board minutes"}
            | date_parts("due_on", TODAY)
        ),
        {(Milestone, "update")},
    ),
    Write(
        "add_expenditure",
        lambda r: {"line": r["line"].pk, "amount": "1,000.00", "payee": "KCC", **date_parts("spent_on", TODAY)},
        {(Expenditure, "create")},
    ),
    Write(
        "add_funding", lambda r: {"financial_year": 2026, "source": "ICB", "amount": "10,000"}, {(Funding, "create")}
    ),
    Write(
        "add_budget_line",
        lambda r: {"financial_year": 2026, "name": "Training", "category": "training", "annual_amount": "1,200"},
        {(BudgetLine, "create")},
    ),
    Write("add_risk", risk_form, {(Risk, "create")}),
    Write(
        "review_risk",
        lambda r: (
            {"likelihood": "2", "impact": "2"}
            | date_parts("reviewed_on", TODAY)
            | date_parts("next_review_due_on", TODAY + datetime.timedelta(days=90))
        ),
        {(RiskReview, "create"), (Risk, "update")},
    ),
    Write(
        "add_mitigation",
        lambda r: {"action": "Joint adverts", "owner": "HR", **date_parts("due_on", TODAY)},
        {(Mitigation, "create")},
    ),
    Write(
        "add_post",
        lambda r: {"title": "PC 9", "role": "Practice Consultant", "hours_per_week": "30", "employer": "KCC"},
        {(Post, "create")},
    ),
    Write(
        "fill_post",
        lambda r: {"worker_name": "Bea", "wte": "1.0", **date_parts("starts_on", TODAY)},
        {(PostHolding, "create")},
    ),
    Write(
        "add_assurance",
        lambda r: (
            {"worker": r["worker"].pk, "kind": "dbs"}
            | date_parts("completed_on", TODAY)
            | date_parts("expires_on", TODAY + datetime.timedelta(days=1095))
        ),
        {(Assurance, "create")},
    ),
    Write("add_feedback", feedback_form, {(Feedback, "create")}),
    Write("edit_feedback", lambda r: feedback_form(r) | {"kind": "compliment"}, {(Feedback, "update")}),
    Write(
        "add_foi",
        lambda r: {"requester": "A journalist", "subject": "Costs", **date_parts("received_on", TODAY)},
        {(FoiRequest, "create")},
    ),
    Write(
        "edit_foi",
        lambda r: (
            {"requester": "A journalist", "subject": "Costs"}
            | date_parts("received_on", r["foi"].received_on)
            | date_parts("responded_on", TODAY)
        ),
        {(FoiRequest, "update")},
    ),
]
write_params = pytest.mark.parametrize("write", WRITES, ids=[write.page for write in WRITES])


def test_the_table_of_writes_covers_every_form_page():
    forms = {name for name in PAGES if name.split("_")[0] in ("add", "edit", "fill", "review")}
    assert {write.page for write in WRITES} == forms and len(forms) == 16


@write_params
def test_every_write_on_a_page_is_audited_with_the_actor(service, make_user, records, write):
    lead = make_user(service, Role.LEAD)
    records["worker"] = lead
    http = Client(raise_request_exception=False)  # the audit is checked even where the page then fails
    http.force_login(lead)
    http.post(write.url(records), write.data(records), REMOTE_ADDR="10.1.2.3")
    entries = list(AuditEntry.objects.all())
    assert {(e.content_type.model_class(), e.operation) for e in entries} == write.audited
    assert all((e.actor, e.service, e.ip_address) == (lead, service, "10.1.2.3") for e in entries)
    for entry in entries:
        assert entry.content_type.get_object_for_this_type(pk=entry.object_id)


@write_params
def test_a_commissioner_posting_to_a_form_is_refused_and_nothing_is_saved(as_role, records, write):
    commissioner = as_role(Role.COMMISSIONER)
    records["worker"] = commissioner.user
    models = {model for model, _ in write.audited}
    before = {model: model.objects.count() for model in models}
    response = commissioner.http.post(write.url(records), write.data(records))
    assert response.status_code == 403
    assert {model: model.objects.count() for model in models} == before and not AuditEntry.objects.exists()


# The budget page -----------------------------------------------------------------------------------


def expenditure_form(line, **changes) -> dict:
    return {"line": line.pk, "amount": "1,000.00", "payee": "Kent County Council", **date_parts("spent_on", TODAY)} | (
        changes
    )


def test_a_new_expenditure_moves_spending_to_date_and_the_variance_by_exactly_its_amount(lead, records):
    line = records["line"]
    before = lead.http.get(reverse("programme:budget")).context["report"]
    response = lead.http.post(reverse("programme:add_expenditure"), expenditure_form(line), follow=True)
    after = response.context["report"]
    assert response.redirect_chain == [(reverse("programme:budget") + f"?year={THIS_YEAR}", 302)]
    assert (after.actual_to_date - before.actual_to_date, after.variance - before.variance) == (100_000, 100_000)
    assert (after.lines[0].actual_to_date - before.lines[0].actual_to_date) == 100_000
    assert Expenditure.objects.get().recorded_by == lead.user


def test_a_refund_lowers_spending_to_date(lead, records):
    lead.http.post(reverse("programme:add_expenditure"), expenditure_form(records["line"], amount="-250.50"))
    report = lead.http.get(reverse("programme:budget")).context["report"]
    assert report.actual_to_date == -25_050


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (date_parts("spent_on", datetime.date(THIS_YEAR + 1, 4, 1)), "spent_on", "the date falls in"),
        (date_parts("spent_on", datetime.date(THIS_YEAR, 3, 31)), "spent_on", "the date falls in"),
        ({"amount": "0.00"}, "amount", "Enter an amount other than zero"),
        ({"amount": "12.345"}, "amount", "at most two decimal places"),
        ({"amount": "a thousand"}, "amount", "like 1,250.00"),
        ({"payee": ""}, "payee", "Enter the supplier or payee"),
    ],
)
def test_bad_expenditure_is_refused_on_the_page_with_a_message_on_the_field(lead, records, changes, field, message):
    response = lead.http.post(reverse("programme:add_expenditure"), expenditure_form(records["line"], **changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not Expenditure.objects.exists() and not AuditEntry.objects.exists()


def test_expenditure_cannot_be_put_on_another_services_line(lead, other_service, make_line):
    theirs = make_line(other_service, THIS_YEAR)
    response = lead.http.post(reverse("programme:add_expenditure"), expenditure_form(theirs))
    assert "line" in response.context["form"].errors and not Expenditure.objects.exists()


@pytest.mark.parametrize("amount", ["Infinity", "99999999999999999999"])
def test_an_amount_no_budget_could_hold_is_refused_on_the_page_with_a_message(lead, records, amount):
    response = lead.http.post(reverse("programme:add_expenditure"), expenditure_form(records["line"], amount=amount))
    assert response.status_code == 200 and response.context["form"].errors["amount"]
    assert not Expenditure.objects.exists()


def test_the_programme_lead_adds_a_budget_line_whose_profile_adds_up_to_the_year(service, make_user):
    from keywork.programme.models import BudgetLine
    from keywork.testing.pages import logged_in

    lead = logged_in(make_user(service, "lead"))
    data = {"financial_year": 2026, "name": "Training", "category": "training", "annual_amount": "1,000.01"}
    response = lead.http.post(reverse("programme:add_budget_line"), data)
    assert response.status_code == 302
    line = BudgetLine.objects.get()
    assert sum(line.monthly_profile_pence) == 100001 and line.monthly_profile_pence[0] == 8333


def test_funding_cannot_be_negative(service, make_user):
    from keywork.programme.models import Funding
    from keywork.testing.pages import logged_in

    lead = logged_in(make_user(service, "lead"))
    data = {"financial_year": 2026, "source": "ICB", "amount": "-5"}
    response = lead.http.post(reverse("programme:add_funding"), data)
    assert "0 or more" in response.context["form"].errors["amount"][0]
    assert not Funding.objects.exists()
