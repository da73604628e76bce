"""GET /api/figures/hospital: a quarter's bed days and average length of stay, as the hospital use
page and the quarterly return give them, counted by hand from q3_register (conftest.py)."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import ROLE_PERMISSIONS, Permission
from keywork.reporting.api import router
from keywork.reporting.tests.conftest import Q3
from keywork.suppression import SUPPRESSED
from keywork.testing.api import Api, Route, errors, ok, required_permission
from keywork.testing.factories import create_user

URL = "/api/figures/hospital"
# Nights in 2025/26 Q3: in_hospital_at_end 31, admitted_and_discharged 31, discharged_on_last_day 91;
# the stays ended in it lasted 31 and 121 nights.
EXACT = {"bed_days": 153, "people_in_hospital": 3, "discharges": 2, "average_stay": 76.0}


def get(service, role, **params):
    return Api(create_user(service, role)).get(URL, **params)


def test_staff_who_see_records_get_the_true_figures_of_the_quarter(service, q3_register):
    figures = ok(get(service, Role.LEAD, quarter=Q3.code))
    assert {name: figures[name] for name in EXACT} == EXACT
    assert figures["quarter"] == "2025-Q3" and figures["start"] == "2025-10-01" and figures["end"] == "2025-12-31"
    assert figures["suppressed"] is False and figures["suppression_rule"] is None


def test_a_commissioner_gets_figures_about_a_few_people_hidden_and_the_rule(service, q3_register):
    figures = ok(get(service, Role.COMMISSIONER, quarter=Q3.code))
    # 3 people in hospital and 2 stays ended, both at most the threshold of 7.
    assert {name: figures[name] for name in EXACT} == dict.fromkeys(EXACT, SUPPRESSED)
    assert figures["suppressed"] is True and figures["suppression_rule"].startswith("Counts from 1 to 7 are hidden")


def test_staff_may_ask_for_the_figures_as_published(service, q3_register):
    figures = ok(get(service, Role.MANAGER, quarter=Q3.code, counts="published"))
    assert figures["bed_days"] == SUPPRESSED and figures["suppressed"] is True


def test_figures_above_the_threshold_are_given_exactly_to_a_commissioner(service, q3_register):
    service.suppression_threshold = 2
    service.save(update_fields=["suppression_threshold"])
    figures = ok(get(service, Role.COMMISSIONER, quarter=Q3.code))
    assert figures["bed_days"] == 153 and figures["people_in_hospital"] == 3
    assert figures["discharges"] == SUPPRESSED and figures["average_stay"] == SUPPRESSED


@pytest.mark.parametrize("quarter", ["2025-Q5", "last quarter", "2027-Q1"])
def test_a_quarter_that_is_malformed_or_not_begun_is_refused(service, quarter):
    assert list(errors(get(service, Role.LEAD, quarter=quarter))) == ["quarter"]


def test_the_route_needs_the_permission_of_the_hospital_use_page():
    route = Route("hospital figures", "get", URL, router_path="/hospital")
    assert required_permission(router, route) == Permission.VIEW_AGGREGATES


def test_a_role_without_aggregate_figures_is_refused(service, monkeypatch):
    monkeypatch.setitem(ROLE_PERMISSIONS, Role.COMMISSIONER, frozenset({Permission.VIEW_PROGRAMME}))
    assert get(service, Role.COMMISSIONER, quarter=Q3.code).status_code == 403


def test_another_services_stays_are_not_counted(service, other_service, make_user, add_person, admit, q3_register):
    other = add_person(other_service, make_user(other_service, Role.COORDINATOR), referral_date=Q3.start)
    admit(other, Q3.start)
    assert ok(get(service, Role.LEAD, quarter=Q3.code))["bed_days"] == 153
