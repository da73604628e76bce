"""Refused attempts on a person's record are audited, on the pages and the API alike: the id tried,
the address, and the person when they exist (in whichever service), for auditors. The user who was
refused sees only the usual 404 or 403."""

import re

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking.models import Referral
from keywork.testing.api import Api
from keywork.testing.factories import refer

NO_SUCH_ID = 987654


@pytest.fixture
def stranger(other_service, make_user, add_person):
    return add_person(other_service, make_user(other_service, Role.COORDINATOR))


def without_nonce(response) -> str:
    """The page without its script nonce and form token, which differ on every response by design."""
    return re.sub(r' (nonce|value)="[^"]*"', "", response.content.decode())


def refusals(user):
    return AuditEntry.objects.filter(actor=user, operation=Operation.REFUSED)


def test_opening_another_services_person_is_refused_and_audited_naming_them(coordinator, stranger):
    response = coordinator.http.get(stranger.get_absolute_url())

    assert response.status_code == 404
    (entry,) = refusals(coordinator.user)
    assert (entry.person_id, entry.object_id, entry.changes) == (stranger.pk, str(stranger.pk), {"status": 404})
    assert entry.path == stranger.get_absolute_url() and entry.service == coordinator.user.service


def test_the_page_for_another_services_person_is_the_page_for_nobody(coordinator, stranger):
    tried = coordinator.http.get(stranger.get_absolute_url())
    nobody = coordinator.http.get(reverse("register:person", args=[NO_SUCH_ID]))

    assert tried.status_code == nobody.status_code == 404
    assert without_nonce(tried) == without_nonce(nobody)


def test_an_id_that_names_nobody_is_audited_without_a_person(api):
    assert api.get(f"/api/people/{NO_SUCH_ID}").status_code == 404

    (entry,) = refusals(api.user)
    assert entry.person_id is None and entry.object_id == str(NO_SUCH_ID)


def test_a_record_about_another_services_person_is_refused_and_audited(manager, stranger, make_user, other_service):
    referral = refer(stranger, make_user(other_service, Role.COORDINATOR))

    response = manager.http.get(reverse("keyworking:decide_referral", args=[referral.pk]))

    assert response.status_code == 404
    (entry,) = refusals(manager.user)
    assert entry.content_type.model_class() is Referral
    assert (entry.object_id, entry.person_id) == (str(referral.pk), stranger.pk)


def test_a_role_refused_a_persons_record_is_audited(service, make_user, coordinator_user, add_person):
    person = add_person(service, coordinator_user)
    commissioner = Api(make_user(service, Role.COMMISSIONER))

    assert commissioner.get(f"/api/people/{person.pk}").status_code == 403

    (entry,) = refusals(commissioner.user)
    assert (entry.person_id, entry.changes) == (person.pk, {"status": 403})


def test_a_keyworker_opening_someone_not_allocated_to_them_is_audited(as_role, coordinator_user, add_person, service):
    keyworker = as_role(Role.KEYWORKER)
    person = add_person(service, coordinator_user)

    assert keyworker.http.get(person.get_absolute_url()).status_code == 404

    assert refusals(keyworker.user).get().person_id == person.pk


def test_the_persons_trail_shows_the_refused_attempt(coordinator, stranger, other_service, make_user):
    coordinator.http.get(stranger.get_absolute_url())

    trail = AuditEntry.objects.about_person(stranger.pk).filter(operation=Operation.REFUSED)
    assert list(trail.values_list("actor", flat=True)) == [coordinator.user.pk]


def test_an_id_no_row_can_have_is_refused_and_audited_without_a_query_that_fails(as_role):
    commissioner = as_role(Role.COMMISSIONER)

    assert commissioner.http.get(f"/register/{2**70}/").status_code == 403

    (entry,) = refusals(commissioner.user)
    assert entry.person_id is None and entry.object_id == str(2**70)


@pytest.mark.parametrize("route", ["/api/referrals", "/api/reviews", "/api/admissions"])
def test_a_list_asked_about_another_services_person_answers_empty_and_is_audited(api, stranger, route):
    response = api.get(f"{route}?person_id={stranger.pk}")

    assert response.status_code == 200 and response.json() in ([], {"items": [], "count": 0})
    (entry,) = refusals(api.user)
    assert (entry.person_id, entry.changes) == (stranger.pk, {"status": 200})


def test_a_list_asked_about_someone_reachable_writes_no_refusal(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)

    assert api.get(f"/api/referrals?person_id={person.pk}").status_code == 200
    assert not refusals(api.user).exists()
