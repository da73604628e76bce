from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.records import retention
from keywork.register.models import Person
from keywork.testing.dates import TODAY  # noqa: E402


def test_a_manager_places_a_hold_that_stops_erasure_and_lifts_it(as_role, service, add_person, make_user):
    manager = as_role(Role.MANAGER)
    person = add_person(service, by=make_user(service, Role.COORDINATOR))
    Person.objects.filter(pk=person.pk).update(status="removed", status_changed_on=retention.add_months(TODAY, -84))
    url = reverse("records:legal_hold", args=[person.pk])
    page = manager.http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    assert "No legal hold" in page and url in page

    response = manager.http.post(url, {"hold": "place", "reason": "Disclosure for a county court claim"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.legal_hold, person.legal_hold_since) == (True, TODAY)
    plan = retention.plan(TODAY)
    assert plan.held == [person] and plan.erase == []
    assert (
        "Disclosure for a county court claim"
        in manager.http.get(reverse("register:person_records", args=[person.pk])).content.decode()
    )

    assert "Lift the legal hold" in manager.http.get(url).content.decode()
    manager.http.post(url, {"hold": "lift", "reason": "Claim settled"})
    person.refresh_from_db()
    assert (person.legal_hold, person.legal_hold_since, person.legal_hold_reason) == (False, None, "")
    assert retention.plan(TODAY).erase == [person]
    reasons = list(
        AuditEntry.objects.filter(person_id=person.pk, operation=Operation.UPDATE)
        .order_by("id")
        .values_list("changes", flat=True)
    )
    assert reasons == [
        {"legal_hold": True, "reason": "Disclosure for a county court claim"},
        {"legal_hold": False, "reason": "Claim settled"},
    ]


def test_a_hold_needs_a_reason(as_role, service, add_person, make_user):
    manager = as_role(Role.MANAGER)
    person = add_person(service, by=make_user(service, Role.COORDINATOR))
    response = manager.http.post(reverse("records:legal_hold", args=[person.pk]), {"hold": "place", "reason": ""})
    assert "There is a problem" in response.content.decode() and "Enter the reason" in response.content.decode()
    person.refresh_from_db()
    assert not person.legal_hold


def test_keyworkers_and_coordinators_cannot_place_holds(as_role, service, add_person, make_user):
    person = add_person(service, by=make_user(service, Role.COORDINATOR))
    for role in (Role.KEYWORKER, Role.COORDINATOR):
        user = as_role(role)
        assert (
            user.http.post(
                reverse("records:legal_hold", args=[person.pk]), {"hold": "place", "reason": "x"}
            ).status_code
            == 403
        )
    person.refresh_from_db()
    assert not person.legal_hold


def test_another_services_person_cannot_be_held(as_role, other_service, add_person, make_user):
    stranger = add_person(other_service, by=make_user(other_service, Role.COORDINATOR))
    response = as_role(Role.MANAGER).http.post(
        reverse("records:legal_hold", args=[stranger.pk]), {"hold": "place", "reason": "x"}
    )
    assert response.status_code == 404


def test_placing_a_hold_twice_does_not_lift_it(as_role, service, add_person, make_user):
    manager = as_role(Role.MANAGER)
    person = add_person(service, by=make_user(service, Role.COORDINATOR))
    url = reverse("records:legal_hold", args=[person.pk])
    manager.http.post(url, {"hold": "place", "reason": "An inquiry"})
    again = manager.http.post(url, {"hold": "place", "reason": "An inquiry"})
    assert "A legal hold is already on this record" in again.content.decode()
    person.refresh_from_db()
    assert person.legal_hold and person.legal_hold_reason == "An inquiry"
