"""A withdrawn consent under each of the service's policies (register/withdrawal.py): what is counted,
who sees the record, what is shared, and what the record says; consent given again undoes it."""

import datetime

import pytest
from django.urls import reverse

from keywork import audit
from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.figures.register import receiving_keywork, register_by_rating_on, service_people
from keywork.presenters import uk_long_date
from keywork.register import operations
from keywork.register.models import Consent
from keywork.register.withdrawal import MEANINGS, withdrawal_of
from keywork.services.models import ConsentWithdrawnPolicy
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.pages import date_parts, logged_in

KEEP, REMOVE = ConsentWithdrawnPolicy.KEEP_MINIMAL, ConsentWithdrawnPolicy.REMOVE
WITHDRAWN_ON = days_ago(10)


def record(person, basis: str, on: datetime.date) -> None:
    by = create_user(person.service, Role.COORDINATOR)
    consent = Consent(basis=basis, given_by="The young person", decided_on=on)
    operations.record_consent(audit.Actor(by, person.service), person, consent)


@pytest.fixture
def keyworker(service):
    return create_user(service, Role.KEYWORKER)


@pytest.fixture
def person(service, coordinator_user, add_person, keyworker):
    person = add_person(service, coordinator_user, rating="amber", referral_date=days_ago(300))
    allocate(person, keyworker)
    return person


def with_policy(service, policy: str, person) -> None:
    service.consent_withdrawn_policy = policy
    service.save()
    record(person, "withdrawn", WITHDRAWN_ON)


def registered(service, day=TODAY) -> int:
    return sum(register_by_rating_on(service_people(service), day).values())


def fhir(person, user, client, api_for):
    return client.get(f"/api/fhir/Patient/{person.pk}/$everything", **api_for(user))


def test_the_default_keeps_minimal_details(service):
    assert service.consent_withdrawn_policy == KEEP


def test_no_withdrawal_until_the_latest_consent_is_one(service, person):
    assert withdrawal_of(person) is None
    record(person, "withdrawn", WITHDRAWN_ON)
    assert withdrawal_of(person).on == WITHDRAWN_ON
    # A consent dated before the withdrawal, recorded late, does not undo it.
    record(person, "person", days_ago(20))
    assert withdrawal_of(person).on == WITHDRAWN_ON


@pytest.mark.parametrize(("policy", "counted"), [(KEEP, 1), (REMOVE, 0)])
def test_the_register_counts_them_only_while_the_policy_keeps_them(service, person, policy, counted, as_role):
    with_policy(service, policy, person)
    assert registered(service) == counted
    # Before the withdrawal they were on it under either policy: the history is not rewritten.
    assert registered(service, days_ago(11)) == 1
    # Either way they are not receiving keywork, though the allocation is still open.
    assert receiving_keywork(service_people(service), TODAY) == 0
    assert receiving_keywork(service_people(service), days_ago(11)) == 1
    home = as_role(Role.LEAD).http.get(reverse("home"))
    assert home.context["figures"]["total"] == counted


@pytest.mark.parametrize(("policy", "coordinator_sees"), [(KEEP, 200), (REMOVE, 404)], ids=["keep minimal", "remove"])
def test_keyworkers_lose_the_record_and_the_coordinator_too_under_remove(
    service, person, keyworker, policy, coordinator_sees, as_role
):
    url = person.get_absolute_url()
    assert logged_in(keyworker).http.get(url).status_code == 200
    with_policy(service, policy, person)
    assert logged_in(keyworker).http.get(url).status_code == 404
    assert as_role(Role.COORDINATOR).http.get(url).status_code == coordinator_sees
    assert as_role(Role.MANAGER).http.get(url).status_code == 200


@pytest.mark.parametrize("policy", [KEEP, REMOVE])
def test_the_record_says_so_and_what_it_means(service, person, policy, manager):
    with_policy(service, policy, person)
    page = manager.http.get(person.get_absolute_url()).content.decode()
    assert f"Consent withdrawn on {uk_long_date(WITHDRAWN_ON)}" in page
    assert MEANINGS[policy].replace("'", "&#39;") in page
    records = manager.http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    assert "their record is not shared" in records and reverse("fhir:bundle", args=[person.pk]) not in records


@pytest.mark.parametrize("policy", [KEEP, REMOVE])
def test_nothing_is_shared_and_the_refusal_is_audited(service, person, policy, client, api_for, make_user, manager):
    with_policy(service, policy, person)
    response = fhir(person, make_user(service, Role.MANAGER), client, api_for)
    assert response.status_code == 403
    assert response.json()["resourceType"] == "OperationOutcome"
    assert "withdrew consent" in response.json()["issue"][0]["diagnostics"]
    assert manager.http.get(reverse("fhir:bundle", args=[person.pk])).status_code == 403
    assert not AuditEntry.objects.filter(operation=Operation.EXPORT, person_id=person.pk).exists()


@pytest.mark.parametrize(("policy", "listed"), [(KEEP, True), (REMOVE, False)])
def test_the_register_export_marks_them_or_leaves_them_out(service, person, policy, listed, manager):
    with_policy(service, policy, person)
    response = manager.http.get(reverse("reporting:register_csv"))
    text = b"".join(response.streaming_content).decode()
    assert (person.family_name in text) is listed
    assert (f"consent withdrawn {WITHDRAWN_ON.isoformat()}" in text) is listed


@pytest.mark.parametrize("policy", [KEEP, REMOVE])
def test_consent_given_again_restores_everything(service, person, keyworker, policy, client, api_for, coordinator_user):
    with_policy(service, policy, person)
    record(person, "person", days_ago(2))
    assert withdrawal_of(person) is None
    assert registered(service) == 1 and receiving_keywork(service_people(service), TODAY) == 1
    page = logged_in(keyworker).http.get(person.get_absolute_url())
    assert page.status_code == 200 and "Consent withdrawn on" not in page.content.decode()
    assert fhir(person, coordinator_user, client, api_for).status_code == 200


def test_a_keyworker_who_records_the_withdrawal_goes_home_not_to_a_page_they_lost(service, person, keyworker):
    data = {"basis": "withdrawn", "given_by": "The young person", **date_parts("decided_on", TODAY)}
    response = logged_in(keyworker).http.post(reverse("register:consent", args=[person.pk]), data)
    assert response.status_code == 302 and response.url == reverse("home")


def test_the_lead_sets_the_policy_and_the_change_is_audited(service, as_role):
    lead = as_role(Role.LEAD)
    url = reverse("register:consent_withdrawn_policy")
    page = lead.http.get(url).content.decode()
    assert "Keep minimal details on the register" in page and "Remove the person" in page
    response = lead.http.post(url, {"consent_withdrawn_policy": REMOVE})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.consent_withdrawn_policy == REMOVE
    entry = AuditEntry.objects.get(operation=Operation.UPDATE, actor=lead.user)
    assert entry.changes == {"consent_withdrawn_policy": REMOVE}


def test_the_policy_page_refuses_a_choice_it_does_not_offer(service, as_role):
    url = reverse("register:consent_withdrawn_policy")
    response = as_role(Role.ADMIN).http.post(url, {"consent_withdrawn_policy": "erase"})
    assert response.status_code == 200 and "nhsuk-error-summary" in response.content.decode()
    service.refresh_from_db()
    assert service.consent_withdrawn_policy == KEEP


def test_the_coordinators_home_counts_inpatients_without_a_keyworker(service, coordinator_user, add_person, admit):
    person = add_person(service, coordinator_user, referral_date=days_ago(100))
    admit(person, days_ago(5))
    page = logged_in(coordinator_user).http.get(reverse("home")).content.decode()
    assert "Inpatients without a keyworker: 1" in page and reverse("inpatient:list") in page
