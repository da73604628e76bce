"""Caseload weighting: each person a worker holds counts by their rating plus an uplift for a complex
case (the service's own weights); a worker is over the limit above the weighted limit or the people
limit; the board and the allocation form show both; the lead sets the weights, audited."""

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.keyworking.board import caseloads
from keywork.keyworking.models import Allocation
from keywork.keyworking.weighting import Caseload, allocation_weight, caseload_of, rating_weight, weights_in_words
from keywork.testing.dates import TODAY
from keywork.testing.factories import keyworker_of
from keywork.testing.pages import date_parts


def test_the_default_weights_are_red_3_amber_2_green_1_blue_2(service):
    assert weights_in_words(service) == "red 3, amber 2, green 1, blue 2"


def test_someone_not_yet_rated_counts_as_green(service):
    assert rating_weight(service, "") == rating_weight(service, "green") == 1


def test_a_complex_case_adds_the_uplift_to_its_ratings_weight(service):
    assert allocation_weight(service, "red", is_complex=True) == 4
    assert allocation_weight(service, "red", is_complex=False) == 3


def test_the_weights_are_the_services_own(service):
    service.caseload_weight_amber, service.caseload_complexity_uplift = 5, 2
    assert allocation_weight(service, "amber", is_complex=True) == 7


def test_a_caseload_is_counted_in_people_and_weighted(service):
    assert caseload_of(service, [("red", True), ("amber", False), ("green", False)]) == Caseload(3, 7)


@pytest.mark.parametrize(
    ("people", "weighted", "over"),
    [(10, 40, False), (10, 41, True), (15, 15, False), (16, 16, True)],
)
def test_over_the_limit_means_above_the_weighted_limit_or_the_people_limit(service, people, weighted, over):
    assert Caseload(people, weighted).is_over_limit(service) is over


def test_fourteen_red_rated_people_are_over_the_limit_though_fifteen_green_are_not(service):
    assert caseload_of(service, [("red", False)] * 14).is_over_limit(service)
    assert not caseload_of(service, [("green", False)] * 15).is_over_limit(service)


def test_the_board_shows_each_workers_caseload_weighted_and_raw(service, manager, add_person, allocate):
    worker = keyworker_of(service)
    allocate(add_person(service, manager.user, rating="red"), worker)
    Allocation.objects.filter(worker=worker).update(is_complex=True)
    allocate(add_person(service, manager.user, rating="green"), worker)
    response = manager.http.get(reverse("keyworking:board"))
    row = next(row for row in response.context["caseloads"] if row["worker"] == worker)
    assert (row["total"], row["complex"], row["weighted"], row["over_limit"]) == (2, 1, 5, False)
    assert "5 of 40" in response.content.decode()


def test_the_board_warns_when_the_weighted_caseload_passes_its_limit(service, manager, add_person, allocate):
    service.weighted_caseload_limit = 5
    service.save()
    worker = keyworker_of(service)
    for _ in range(2):
        allocate(add_person(service, manager.user, rating="red"), worker)
    assert next(row for row in caseloads(service) if row["worker"] == worker)["over_limit"]
    assert "holds 2 people, 6 weighted" in manager.http.get(reverse("keyworking:board")).content.decode()


def test_an_allocation_marked_complex_on_the_form_is_saved_as_complex(service, manager, person):
    worker = keyworker_of(service)
    data = {"worker": worker.pk, "reason": "Many agencies", "is_complex": "on", **date_parts("starts_on", TODAY)}
    response = manager.http.post(reverse("keyworking:allocate", args=[person.pk]), data)
    assert response.status_code == 302
    assert Allocation.objects.get().is_complex


def weights(**changes) -> dict:
    return {
        "caseload_weight_red": 3,
        "caseload_weight_amber": 2,
        "caseload_weight_green": 1,
        "caseload_weight_blue": 2,
        "caseload_complexity_uplift": 1,
        "weighted_caseload_limit": 40,
        "caseload_limit": 15,
    } | changes


def test_the_lead_sets_the_weights_and_the_change_is_audited(service, as_role):
    lead = as_role(Role.LEAD)
    response = lead.http.post(reverse("keyworking:caseload_weights"), weights(caseload_weight_red=4))
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.caseload_weight_red == 4
    entry = AuditEntry.objects.get(content_type__model="service", operation="update")
    assert (entry.actor, entry.changes) == (lead.user, {"caseload_weight_red": 4})


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("caseload_weight_red", "11", "Red weight must be 10 or less"),
        ("caseload_weight_green", "-1", "Green weight must be 0 or more"),
        ("weighted_caseload_limit", "0", "Weighted caseload limit must be 1 or more"),
        ("caseload_complexity_uplift", "one", "Enter the complexity uplift as a whole number"),
    ],
)
def test_bad_weights_are_refused_and_nothing_is_saved(service, as_role, field, value, message):
    lead = as_role(Role.LEAD)
    response = lead.http.post(reverse("keyworking:caseload_weights"), weights(**{field: value}))
    assert response.context["form"].errors[field] == [message]
    service.refresh_from_db()
    assert (service.caseload_weight_red, service.weighted_caseload_limit) == (3, 40)
    assert not AuditEntry.objects.filter(content_type__model="service").exists()


def test_a_team_manager_may_not_change_the_weights(manager):
    assert manager.http.get(reverse("keyworking:caseload_weights")).status_code == 403


def test_an_allocation_made_through_the_api_may_be_marked_complex(service, api, person):
    worker = keyworker_of(service)
    body = {"person_id": person.pk, "worker_id": worker.pk, "starts_on": str(TODAY), "reason": "r", "is_complex": True}
    response = api.post("/api/allocations", body)
    assert response.status_code == 201 and response.json()["is_complex"] is True
    assert Allocation.objects.get().is_complex


def test_a_complex_flag_that_is_not_true_or_false_is_refused_and_nothing_is_saved(service, api, person):
    worker = keyworker_of(service)
    body = {"person_id": person.pk, "worker_id": worker.pk, "starts_on": str(TODAY), "reason": "r"}
    body["is_complex"] = "maybe"
    assert api.post("/api/allocations", body).status_code == 422
    assert not Allocation.objects.exists()
