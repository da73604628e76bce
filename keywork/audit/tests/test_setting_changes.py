"""A service's settings changed on an accounts page are audited by who, what and from what to what
(accounts sits below audit, so its pages signal and the audit app records)."""

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.testing.factories import create_user
from keywork.testing.pages import logged_in


def test_changing_the_idle_timeout_is_audited_with_the_new_value(service):
    admin = logged_in(create_user(service, Role.ADMIN))

    admin.http.post(reverse("idle_timeout"), {"idle_timeout_minutes": "15"})

    (entry,) = AuditEntry.objects.for_object(service).filter(operation=Operation.UPDATE)
    assert (entry.actor, entry.changes) == (admin.user, {"idle_timeout_minutes": 15})


def test_saving_the_same_timeout_again_records_no_change(service):
    admin = logged_in(create_user(service, Role.ADMIN))

    admin.http.post(reverse("idle_timeout"), {"idle_timeout_minutes": str(service.idle_timeout_minutes)})

    assert not AuditEntry.objects.for_object(service).exists()
