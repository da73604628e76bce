"""The census on the JSON API (GET /api/census): monthly counts from the admission records, by local
authority and detained or informal; small numbers hidden, with the rule, for commissioners and for
staff asking for the published counts."""

import datetime

import pytest

from keywork.accounts.models import Role
from keywork.inpatient.tests.conftest import someone  # noqa: F401 (a fixture)
from keywork.inpatient.tests.test_api import admission_body
from keywork.testing.api import Api, created, errors

D = datetime.date


@pytest.fixture
def stays(someone, api):  # noqa: F811
    """Three people in hospital in early 2025 (the second discharged on the last day of February),
    each admitted under section 2."""
    dates = [
        (D(2025, 1, 10), D(2025, 3, 10)),
        (D(2025, 2, 1), D(2025, 2, 28)),
        (D(2025, 2, 20), None),
    ]
    for n, (admitted_on, discharged_on) in enumerate(dates):
        person = someone(n, local_authority="Kent")
        ended = {"discharged_on": discharged_on, "discharge_destination": "Family home"} if discharged_on else {}
        created(api.post("/api/admissions", admission_body(person, admitted_on=admitted_on, **ended)))


def census(user, **params) -> list[dict]:
    response = Api(user).get("/api/census", **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_manager_sees_the_exact_count_in_hospital_at_each_month_end(service, make_user, stays):
    months = census(make_user(service, Role.MANAGER), start="2025-01-01", end="2025-04-30")

    assert [(m["month"], m["count"]) for m in months] == [
        ("2025-01-01", 1),
        ("2025-02-01", 2),
        ("2025-03-01", 1),
        ("2025-04-01", 1),
    ]


def test_a_manager_sees_the_counts_by_local_authority(service, make_user, stays):
    (february,) = census(make_user(service, Role.MANAGER), start="2025-02-01", end="2025-02-28")

    assert february["by_local_authority"] == {"Kent": 2, "Medway": 0}
    assert february["day"] == "2025-02-28"


def test_a_manager_sees_those_detained_and_informal_and_no_suppression_rule(service, make_user, stays):
    (february,) = census(make_user(service, Role.MANAGER), start="2025-02-01", end="2025-02-28")

    assert february["by_legal_status"] == {"Detained": 2, "Informal": 0, "Not recorded": 0}
    assert february["suppression_rule"] is None
    assert february["average_days_in_hospital"] == 28.5  # 49 days and 8 days so far


def test_a_commissioner_sees_small_counts_suppressed_with_the_rule(service, make_user, stays):
    months = census(make_user(service, Role.COMMISSIONER), start="2025-01-01", end="2025-04-30")

    assert [m["count"] for m in months] == ["*", "*", "*", "*"]
    assert months[1]["by_local_authority"] == {"Kent": "*", "Medway": 0}
    assert months[1]["by_legal_status"] == {"Detained": "*", "Informal": 0, "Not recorded": 0}
    rules = {m["suppression_rule"] for m in months}
    assert len(rules) == 1 and f"from 1 to {service.suppression_threshold} are hidden" in rules.pop()


def test_a_manager_asking_for_the_published_counts_sees_them_as_a_commissioner_does(service, make_user, stays):
    params = {"start": "2025-01-01", "end": "2025-04-30"}
    published = census(make_user(service, Role.MANAGER), counts="published", **params)

    assert published == census(make_user(service, Role.COMMISSIONER), **params)


def test_a_commissioner_is_not_told_the_average_days_in_hospital(service, make_user, stays):
    months = census(make_user(service, Role.COMMISSIONER), start="2025-01-01", end="2025-04-30")

    assert [m["average_days_in_hospital"] for m in months] == [None] * 4


def test_a_commissioner_cannot_recover_a_hidden_count_by_subtraction(service, make_user, someone, api):  # noqa: F811
    # With a threshold of 1, two people from Kent are shown and one from Medway is hidden: the
    # total must not then be shown exactly beside Kent's, or Medway's 1 is simply 3 - 2.
    service.suppression_threshold = 1
    service.save()
    for n, area in enumerate(["Kent", "Kent", "Medway"]):
        person = someone(n, local_authority=area)
        created(api.post("/api/admissions", admission_body(person, admitted_on=D(2025, 2, 3))))

    (february,) = census(make_user(service, Role.COMMISSIONER), start="2025-02-01", end="2025-02-28")

    assert february["by_local_authority"]["Medway"] == "*"
    shown = [count for count in february["by_local_authority"].values() if count != "*"]
    recoverable = isinstance(february["count"], int) and len(shown) == len(february["by_local_authority"]) - 1
    assert not recoverable, f"Medway = {february['count']} - {sum(shown)}"


def test_the_census_counts_only_the_callers_service(service, other_service, make_user, add_person, stays):
    other_coordinator = make_user(other_service, Role.COORDINATOR)
    outsider = add_person(other_service, other_coordinator, referral_date=D(2024, 1, 10))
    created(Api(other_coordinator).post("/api/admissions", admission_body(outsider, admitted_on=D(2025, 2, 3))))

    (february,) = census(make_user(service, Role.MANAGER), start="2025-02-01", end="2025-02-28")

    assert february["count"] == 2


def test_a_census_ending_before_it_starts_is_refused(api):
    response = api.get("/api/census", start="2025-04-01", end="2025-03-01")

    assert "on or after the start" in errors(response)["end"][0]
