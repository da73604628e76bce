"""The risk register: score = likelihood × impact, the NHS 5×5 bands, the heat map, and reviews
that keep the scores they found so the trend shows."""

import datetime

import pytest
from django.urls import reverse

from keywork.audit.models import AuditEntry
from keywork.programme.models import Risk, RiskReview
from keywork.programme.risk_map import heat_map
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts

D = datetime.date


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "band"),
    [
        (1, 1, 1, "Low"),
        (1, 3, 3, "Low"),
        (2, 2, 4, "Moderate"),
        (2, 3, 6, "Moderate"),
        (2, 4, 8, "High"),
        (2, 5, 10, "High"),
        (3, 4, 12, "High"),
        (3, 5, 15, "Extreme"),
        (4, 4, 16, "Extreme"),
        (5, 5, 25, "Extreme"),
    ],
)
def test_the_score_is_likelihood_times_impact_and_falls_in_its_band(likelihood, impact, score, band):
    risk = Risk(likelihood=likelihood, impact=impact)
    assert (risk.score, risk.band) == (score, band)


def test_an_open_risk_past_its_review_date_is_overdue_and_a_closed_one_is_not(service, make_risk):
    yesterday = TODAY - datetime.timedelta(days=1)
    assert make_risk(service, review_due_on=yesterday).is_review_overdue
    assert not make_risk(service, review_due_on=TODAY).is_review_overdue
    assert not make_risk(service, review_due_on=yesterday, status="closed").is_review_overdue


def test_the_heat_map_counts_risks_in_each_likelihood_and_impact_cell(service, make_risk):
    risks = [make_risk(service, 5, 5), make_risk(service, 5, 5), make_risk(service, 3, 4), make_risk(service, 1, 1)]
    grid = {(row["likelihood"], cell["impact"]): cell["count"] for row in heat_map(risks) for cell in row["cells"]}
    assert len(grid) == 25
    assert {cell: n for cell, n in grid.items() if n} == {(5, 5): 2, (3, 4): 1, (1, 1): 1}


def test_the_heat_map_runs_from_likelihood_5_at_the_top_with_impact_1_to_5_across(service):
    rows = heat_map([])
    assert [row["likelihood"] for row in rows] == [5, 4, 3, 2, 1]
    assert [cell["impact"] for cell in rows[0]["cells"]] == [1, 2, 3, 4, 5]
    assert [cell["band"] for cell in rows[0]["cells"]] == ["Moderate", "High", "Extreme", "Extreme", "Extreme"]


def test_the_risk_register_maps_only_open_risks_and_lists_the_highest_score_first(lead, make_risk):
    low, extreme = make_risk(lead.service, 1, 2), make_risk(lead.service, 4, 5)
    make_risk(lead.service, 5, 5, status="closed")
    context = lead.http.get(reverse("programme:risks")).context
    counts = {(row["likelihood"], c["impact"]): c["count"] for row in context["heat_map"] for c in row["cells"]}
    assert sum(counts.values()) == 2 and counts[(4, 5)] == 1 and counts[(5, 5)] == 0
    assert context["risks"] == [extreme, low]


def test_the_risk_register_lists_reviews_that_are_overdue(lead, make_risk):
    late = make_risk(lead.service, review_due_on=TODAY - datetime.timedelta(days=1))
    make_risk(lead.service, review_due_on=TODAY + datetime.timedelta(days=30))
    assert lead.http.get(reverse("programme:risks")).context["overdue"] == [late]


# Reviews -----------------------------------------------------------------------------------------


NEXT_REVIEW = D(2027, 3, 1)


def review_form(reviewed_on, likelihood, impact, next_due=NEXT_REVIEW) -> dict:
    return {
        "likelihood": likelihood,
        "impact": impact,
        "note": "Two posts filled",
        **date_parts("reviewed_on", reviewed_on),
        **date_parts("next_review_due_on", next_due),
    }


def test_a_review_on_the_page_gives_the_risk_its_new_scores_and_goes_back_to_the_risk(lead, make_risk):
    risk = make_risk(lead.service, 4, 4)
    response = lead.http.post(reverse("programme:review_risk", args=[risk.pk]), review_form(D(2026, 10, 1), 3, 4))
    assert response.status_code == 302 and response.url == reverse("programme:risk", args=[risk.pk])
    risk.refresh_from_db()
    assert (risk.likelihood, risk.impact, risk.score, risk.band, risk.review_due_on) == (
        3,
        4,
        12,
        "High",
        D(2027, 3, 1),
    )


def test_a_mitigation_added_on_the_page_goes_back_to_the_risk(lead, make_risk):
    risk = make_risk(lead.service)
    data = {"action": "Advertise jointly with Medway", "owner": "HR business partner", **date_parts("due_on", TODAY)}
    response = lead.http.post(reverse("programme:add_mitigation", args=[risk.pk]), data)
    assert response.status_code == 302 and response.url == reverse("programme:risk", args=[risk.pk])
    assert [m.action for m in risk.mitigations.all()] == ["Advertise jointly with Medway"]


def review_through_the_api(client, headers, risk, reviewed_on, likelihood, impact):
    body = {"reviewed_on": reviewed_on, "likelihood": likelihood, "impact": impact, "next_review_due_on": "2027-01-15"}
    return client.post(f"/api/programme/risks/{risk.pk}/reviews", body, content_type="application/json", **headers)


def test_a_review_through_the_api_gives_the_risk_its_new_scores_and_next_review_date(
    service, lead_user, api_for, client, make_risk
):
    risk = make_risk(service, 4, 4)
    response = review_through_the_api(client, api_for(lead_user), risk, "2026-10-01", 2, 2)
    assert response.status_code == 200
    assert {k: response.json()[k] for k in ("likelihood", "impact", "score", "band", "review_due_on")} == {
        "likelihood": 2,
        "impact": 2,
        "score": 4,
        "band": "Moderate",
        "review_due_on": "2027-01-15",
    }


def test_each_review_keeps_the_scores_it_found_so_the_trend_shows(lead, api_for, client, make_risk):
    risk = make_risk(lead.service, 4, 4)
    headers = api_for(lead.user)
    review_through_the_api(client, headers, risk, "2026-10-01", 3, 4)
    review_through_the_api(client, headers, risk, "2026-11-01", 2, 3)
    reviews = lead.http.get(reverse("programme:risk", args=[risk.pk])).context["reviews"]
    assert [(r.reviewed_on, r.score, r.reviewed_by) for r in reviews] == [
        (D(2026, 11, 1), 6, lead.user),
        (D(2026, 10, 1), 12, lead.user),
    ]
    risk.refresh_from_db()
    assert (risk.score, risk.band) == (6, "Moderate")


# Bad input ---------------------------------------------------------------------------------------


def risk_form(**changes) -> dict:
    return {
        "title": "Recruitment",
        "cause": "Few applicants",
        "effect": "Caseloads above the limit",
        "owner": "Programme lead",
        "likelihood": "3",
        "impact": "4",
        "target_score": "4",
        **date_parts("review_due_on", D(2027, 1, 1)),
        **changes,
    }


def test_a_risk_added_on_the_page_is_scored_and_shown(lead):
    response = lead.http.post(reverse("programme:add_risk"), risk_form())
    risk = Risk.objects.get()
    assert (risk.service, risk.score, risk.band) == (lead.service, 12, "High")
    assert response.status_code == 302 and response.url == reverse("programme:risk", args=[risk.pk])


@pytest.mark.parametrize(("field", "value"), [("likelihood", "6"), ("impact", "0"), ("likelihood", "")])
def test_a_likelihood_or_impact_outside_1_to_5_is_refused_on_the_page(lead, field, value):
    response = lead.http.post(reverse("programme:add_risk"), risk_form(**{field: value}))
    assert response.status_code == 200 and response.context["form"].errors[field]
    assert not Risk.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("likelihood", 6), ("impact", 0), ("impact", -1)])
def test_a_likelihood_or_impact_outside_1_to_5_is_refused_by_the_api(service, lead_user, api_for, client, field, value):
    body = {**api_risk(), field: value}
    response = client.post("/api/programme/risks", body, content_type="application/json", **api_for(lead_user))
    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert not Risk.objects.exists() and not AuditEntry.objects.exists()


def api_risk() -> dict:
    return {
        "title": "Recruitment",
        "cause": "Few applicants",
        "effect": "Caseloads above the limit",
        "owner": "Programme lead",
        "likelihood": 3,
        "impact": 4,
        "target_score": 4,
        "review_due_on": "2027-01-01",
    }


def test_a_review_with_an_impact_outside_1_to_5_is_refused_on_the_page_and_the_risk_keeps_its_scores(lead, make_risk):
    risk = make_risk(lead.service, 4, 4)
    response = lead.http.post(reverse("programme:review_risk", args=[risk.pk]), review_form(D(2026, 10, 1), 3, 9))
    assert "impact" in response.context["form"].errors
    risk.refresh_from_db()
    assert (risk.score, RiskReview.objects.count(), AuditEntry.objects.count()) == (16, 0, 0)


def test_a_review_with_a_likelihood_outside_1_to_5_is_refused_by_the_api_and_the_risk_keeps_its_scores(
    service, lead_user, api_for, client, make_risk
):
    risk = make_risk(service, 4, 4)
    response = review_through_the_api(client, api_for(lead_user), risk, "2026-10-01", 7, 2)
    assert response.status_code == 422 and "likelihood" in response.json()["errors"]
    risk.refresh_from_db()
    assert (risk.score, RiskReview.objects.count(), AuditEntry.objects.count()) == (16, 0, 0)


def test_a_review_dated_in_the_future_is_refused(lead, make_risk):
    risk = make_risk(lead.service, 4, 4)
    url = reverse("programme:review_risk", args=[risk.pk])
    response = lead.http.post(url, review_form(TODAY + datetime.timedelta(days=1), 2, 2))
    assert "today or in the past" in response.context["form"].errors["reviewed_on"][0]
    assert not RiskReview.objects.exists()
