"""The allocation form: each candidate's type, caseload and assurance, and the override a worker
with a lapsed registration, DBS check or training needs."""

import pytest
from django.urls import reverse

from keywork.assurance.models import Assurance
from keywork.audit.models import AuditEntry
from keywork.keyworking.models import Allocation
from keywork.presenters import uk_long_date
from keywork.supervision.models import Supervision
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral, keyworker_of
from keywork.testing.pages import date_parts


@pytest.fixture
def waiting(person, manager):
    """The person's referral, accepted yesterday, waiting for a keyworker."""
    return accept_referral(person, manager.user, decided_on=days_ago(1), received_on=days_ago(6))


@pytest.fixture
def form_url(person):
    return reverse("keyworking:allocate", args=[person.pk])


def lapsed(worker, kind="dbs", days=3):
    """`worker`'s assurance of `kind`, lapsed `days` ago (a negative number: lapsing in the future)."""
    return Assurance.objects.create(
        worker=worker, kind=kind, reference="REF1", completed_on=days_ago(days + 1000), expires_on=days_ago(days)
    )


def allocation(worker, **extra) -> dict:
    return {"worker": worker.pk, "reason": "Has capacity", **date_parts("starts_on", TODAY), **extra}


def test_each_candidate_shows_their_type_and_caseload_by_rating_against_the_limit(
    service, manager, add_person, allocate, waiting, form_url
):
    service.caseload_limit = 2
    service.save()
    busy = keyworker_of(service)
    for rating in ("red", "red", "amber"):
        allocate(add_person(service, manager.user, rating=rating), busy)
    page = manager.http.get(form_url).content.decode()
    assert "Caseload 3 people of 2, 8 of 40 weighted: 2 red, 1 amber, 0 green, 0 blue" in page
    assert "Over the caseload limit" in page and "Practice Consultant" in page


def test_a_candidates_lapsed_and_soon_lapsing_assurance_is_shown(service, manager, waiting, form_url):
    worker = keyworker_of(service, "behaviour_team")
    lapsed(worker, "dbs", days=3)
    lapsed(worker, "hcpc", days=-20)
    page = manager.http.get(form_url).content.decode()
    assert "Behaviour Team" in page
    assert f"DBS check lapsed</strong> on {days_ago(3).day} " in page
    assert "HCPC registration expiring</strong> on" in page


def test_a_worker_with_a_lapsed_dbs_check_is_refused_without_the_override(service, manager, waiting, form_url):
    worker = keyworker_of(service)
    lapsed(worker, "dbs")
    response = manager.http.post(form_url, allocation(worker))
    assert response.context["form"].errors["assurance_override"] == [
        f"Confirm you are allocating {worker.display_name} although their DBS check has lapsed, "
        "or select another keyworker"
    ]
    assert "assurance_override_reason" not in response.context["form"].errors
    assert not Allocation.objects.exists()


def test_the_override_without_a_reason_asks_for_one(service, manager, waiting, form_url):
    worker = keyworker_of(service)
    lapsed(worker, "hcpc")
    lapsed(worker, "dbs")
    response = manager.http.post(form_url, allocation(worker, assurance_override="on"))
    assert response.context["form"].errors["assurance_override_reason"] == [
        "Enter the reason for overriding the lapsed HCPC registration and DBS check"
    ]
    assert not Allocation.objects.exists()


def test_the_override_with_a_reason_allocates_and_is_stored_and_audited(service, manager, person, waiting, form_url):
    worker = keyworker_of(service)
    lapsed(worker, "dbs")
    reason = "Renewal confirmed by HR, certificate due this week"
    overridden = allocation(worker, assurance_override="on", assurance_override_reason=reason)
    response = manager.http.post(form_url, overridden)
    assert response.status_code == 302
    saved = Allocation.objects.get()
    assert (saved.worker, saved.assurance_override_reason) == (worker, reason)
    entry = AuditEntry.objects.get(content_type__model="allocation", object_id=str(saved.pk))
    assert entry.changes["assurance_override"] == {"lapsed": ["DBS check"], "reason": reason}
    assert entry.person_id == person.pk and entry.actor == manager.user


def test_a_worker_with_nothing_lapsed_needs_no_override_and_no_reason_is_kept(service, manager, waiting, form_url):
    worker = keyworker_of(service)
    lapsed(worker, "dbs", days=-30)
    response = manager.http.post(form_url, allocation(worker, assurance_override_reason="Not needed"))
    assert response.status_code == 302
    assert Allocation.objects.get().assurance_override_reason == ""


def overdue_supervision(service, worker):
    """A managerial supervision of `worker` 40 days ago whose next was due 10 days ago."""
    return Supervision.objects.create(
        service=service,
        supervisee=worker,
        supervisor=keyworker_of(service),
        kind="managerial",
        held_on=days_ago(40),
        next_due_on=days_ago(10),
    )


def test_overdue_supervision_is_shown_for_a_candidate(service, manager, waiting, form_url):
    overdue_supervision(service, keyworker_of(service))
    page = manager.http.get(form_url).content.decode()
    assert f"Supervision overdue</strong> since {uk_long_date(days_ago(10))}" in page


def test_supervision_overdue_does_not_bar_an_allocation(service, manager, waiting, form_url):
    worker = keyworker_of(service)
    overdue_supervision(service, worker)
    assert manager.http.post(form_url, allocation(worker)).status_code == 302


def test_choosing_no_keyworker_says_so(manager, waiting, form_url):
    response = manager.http.post(form_url, {"reason": "x", **date_parts("starts_on", TODAY)})
    assert response.context["form"].errors["worker"] == ["Select a keyworker"]


def test_after_allocating_the_board_names_who_was_allocated_to_whom(service, manager, person, waiting, form_url):
    worker = keyworker_of(service)
    response = manager.http.post(form_url, allocation(worker), follow=True)
    assert response.redirect_chain == [(reverse("keyworking:board"), 302)]
    message = f"{worker.display_name} allocated to {person.full_name} as their Practice Consultant"
    assert message in response.content.decode()
    assert list(response.context["waiting"]) == []


def test_allocating_from_the_referrals_queue_returns_to_it(service, manager, waiting, form_url):
    referrals = reverse("keyworking:referrals")
    response = manager.http.post(form_url, allocation(keyworker_of(service), next=referrals))
    assert response["Location"] == referrals


def test_allocating_never_returns_to_another_site(service, manager, waiting, form_url):
    response = manager.http.post(form_url, allocation(keyworker_of(service), next="https://evil.example/"))
    assert response["Location"] == reverse("keyworking:board")


def test_the_api_refuses_a_lapsed_worker_without_a_reason_too(service, api, person, waiting):
    worker = keyworker_of(service)
    lapsed(worker, "safeguarding_children")
    body = {"person_id": person.pk, "worker_id": worker.pk, "starts_on": str(TODAY), "reason": "x"}
    response = api.post("/api/allocations", body)
    assert response.status_code == 422
    assert response.json()["errors"]["assurance_override_reason"] == [
        "Enter the reason for overriding the lapsed safeguarding children training"
    ]
    assert api.post("/api/allocations", body | {"assurance_override_reason": "Booked on Monday"}).status_code == 201


def test_practice_consultants_are_offered_first(service, manager, waiting, form_url):
    peer = keyworker_of(service, "peer_associate")
    consultant = keyworker_of(service)
    candidates = manager.http.get(form_url).context["candidates"]
    assert [row["worker"] for row in candidates] == [consultant, peer]


def test_a_dbs_check_lapsing_before_a_later_start_date_needs_the_override(service, manager, waiting, form_url):
    worker = keyworker_of(service)
    lapsed(worker, "dbs", days=-5)
    later = allocation(worker, **date_parts("starts_on", days_ago(-10)))
    response = manager.http.post(form_url, later)
    assert "although their DBS check has lapsed" in response.context["form"].errors["assurance_override"][0]
    assert 'name="assurance_override"' in response.content.decode()
