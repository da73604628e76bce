import pytest
from django.urls import reverse

from keywork import audit
from keywork.accounts.models import Role
from keywork.audit.models import AppendOnlyError, AuditEntry


@pytest.fixture
def entry(service, make_user, add_person):
    user = make_user(service, Role.COORDINATOR)
    person = add_person(service, user)
    return audit.record(audit.Actor(user, service), "view", person, person_id=person.pk)


def test_an_audit_entry_cannot_be_changed(entry):
    entry.operation = "create"
    with pytest.raises(AppendOnlyError):
        entry.save()


def test_an_audit_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_audit_entries_cannot_be_changed_or_deleted_in_bulk(entry):
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=entry.pk).update(operation="create")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.filter(pk=entry.pk, operation="view").exists()


def test_an_anonymous_action_cannot_be_audited(service, entry):
    with pytest.raises(ValueError, match="user or a named system process"):
        audit.record(audit.Actor(None, service), "view", entry)


def test_an_administrator_finds_entries_by_user_and_person(service, as_role, entry):
    admin = as_role(Role.ADMIN)
    query = {"username": entry.actor.username, "person_id": entry.person_id, "operation": "view"}
    response = admin.http.get(reverse("audit:search"), query)
    assert list(response.context["page"].object_list) == [entry]
    assert admin.http.get(reverse("audit:search"), {"username": "nobody"}).context["page"].paginator.count == 0


def test_an_administrator_does_not_see_another_services_audit(other_service, as_role, make_user, add_person):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    response = as_role(Role.ADMIN).http.get(reverse("audit:search"), {"person_id": stranger.pk})
    assert response.context["page"].paginator.count == 0


def test_an_administrator_of_two_services_sees_both(service, other_service, as_role, make_user, add_person):
    admin = as_role(Role.ADMIN)
    admin.user.other_services.add(other_service)
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    response = admin.http.get(reverse("audit:search"), {"person_id": stranger.pk})
    assert response.context["page"].paginator.count == AuditEntry.objects.filter(person_id=stranger.pk).count() > 0


def test_an_end_date_before_the_start_date_is_refused(as_role):
    response = as_role(Role.ADMIN).http.get(
        reverse("audit:search"),
        {"date_from_0": 10, "date_from_1": 11, "date_from_2": 2026, "date_to_0": 1, "date_to_1": 11, "date_to_2": 2026},
    )
    assert "on or after the start date" in response.content.decode()
