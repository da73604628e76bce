"""The equality page, its CSV file and its API route: true counts for the service's staff (with the
published view a click away), counts as published for a commissioner, small numbers hidden."""

import csv
import io

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.reporting.quarters import Quarter
from keywork.suppression import SUPPRESSED, rule_in_words
from keywork.testing.api import Api, ok
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import create_user

THIS_QUARTER = {"quarter": Quarter.containing(TODAY).code}
THRESHOLD = 2


@pytest.fixture
def register(service, coordinator_user, add_person):
    """On the register today: White 4, Mixed 3, Black or Black British 1; the threshold is 2."""
    service.suppression_threshold = THRESHOLD
    service.save(update_fields=["suppression_threshold"])
    for ethnicity in ["A"] * 4 + ["D"] * 3 + ["M"]:
        add_person(service, coordinator_user, ethnicity=ethnicity, referral_date=days_ago(100))


def on_the_register(response, dimension="Ethnic group"):
    table = next(table for table in response.context["report"].tables if table.dimension == dimension)
    return table.breakdowns[0]


def test_staff_see_the_true_counts_with_their_percentages(as_role, register):
    response = as_role(Role.LEAD).http.get(reverse("reporting:equality"), THIS_QUARTER)

    by_group = on_the_register(response)
    assert by_group.figure.name == "On the register, by equality group"
    assert by_group.cells["Black or Black British"].count == 1
    assert by_group.cells["White"].percent == 50 and by_group.total == 8
    page = response.content.decode()
    assert "4 (50%)" in page and "counts=published" in page and "See them as they will be published" in page


def test_staff_may_see_the_counts_as_they_will_be_published(as_role, register):
    response = as_role(Role.LEAD).http.get(reverse("reporting:equality"), {**THIS_QUARTER, "counts": "published"})

    assert on_the_register(response).cells["Black or Black British"].count == SUPPRESSED
    assert "See the true counts" in response.content.decode()


def test_a_commissioner_sees_small_numbers_hidden_and_the_next_smallest_too(as_role, service, register):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reporting:equality"), THIS_QUARTER)

    by_group = on_the_register(response)
    assert by_group.cells["Black or Black British"].count == SUPPRESSED  # 1: hidden
    assert by_group.cells["Mixed"].count == by_group.cells["Mixed"].percent == SUPPRESSED  # 3: hidden beside it
    assert by_group.cells["White"].count == 4 and by_group.total == 10  # rounded, as any total with a hidden count
    assert by_group.cells["White"].percent == 40  # of the total shown, so the true total cannot be worked back
    page = response.content.decode()
    assert rule_in_words(THRESHOLD).split(" to protect")[0] in page
    assert "See the true counts" not in page and "4 (40%)" in page


def test_a_quarter_not_yet_begun_is_refused_with_a_message(as_role, register):
    response = as_role(Role.LEAD).http.get(reverse("reporting:equality"), {"quarter": "2099-Q1"})

    assert response.status_code == 200
    assert "has not started yet" in response.content.decode()


def test_the_csv_file_is_suppressed_as_the_page_and_audited(as_role, register):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reporting:equality_csv"), THIS_QUARTER)

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Type"] == "text/csv"
    on_register = ["On the register, by equality group", "2026-11-25", "2026-11-25", "Ethnic group"]
    assert [*on_register, "Mixed", SUPPRESSED, SUPPRESSED] in rows and [*on_register, "White", "4", "40"] in rows
    assert rows[-1] == [rule_in_words(THRESHOLD)]
    assert AuditEntry.objects.get(operation="export").changes["equality"] == THIS_QUARTER["quarter"]


def test_the_api_gives_staff_the_true_counts(service, register):
    figures = ok(Api(create_user(service, Role.LEAD)).get("/api/figures/equality", **THIS_QUARTER))

    assert figures["suppressed"] is False and figures["suppression_rule"] is None
    first = figures["breakdowns"][0]
    assert first["figure"] == "On the register, by equality group" and first["dimension"] == "Ethnic group"
    assert first["total"] == 8
    assert {"group": "Black or Black British", "count": 1, "percent": 13} in first["groups"]


def test_the_api_gives_a_commissioner_the_counts_as_published_with_the_rule(service, register):
    figures = ok(Api(create_user(service, Role.COMMISSIONER)).get("/api/figures/equality", **THIS_QUARTER))

    assert figures["suppressed"] is True and figures["suppression_rule"] == rule_in_words(THRESHOLD)
    first = figures["breakdowns"][0]
    assert {"group": "Black or Black British", "count": SUPPRESSED, "percent": SUPPRESSED} in first["groups"]
    assert first["total"] == 10


def test_the_api_refuses_a_malformed_quarter(service):
    response = Api(create_user(service, Role.LEAD)).get("/api/figures/equality", quarter="last")

    assert response.status_code == 422 and "quarter" in response.json()["errors"]
