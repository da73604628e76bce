"""The home page and each work list write one audit entry a request, naming the people they show."""

from django.urls import reverse

from keywork.audit.models import AuditEntry, Operation
from keywork.testing.dates import TODAY, days_ago
from keywork.worklists.tests.conftest import follow_up


def listed_by(user):
    return AuditEntry.objects.filter(actor=user, operation=Operation.LIST)


def test_the_home_page_writes_one_entry_naming_everyone_on_its_lists(keyworker, someone):
    due = someone(allocated_to=keyworker.user, review_due=TODAY, allocated_on=days_ago(40))
    chased = someone(allocated_to=keyworker.user, allocated_on=days_ago(1))
    follow_up(chased, TODAY, keyworker.user)
    not_theirs = someone()

    keyworker.http.get(reverse("home"))

    (entry,) = listed_by(keyworker.user)
    shown = set(entry.people_shown.values_list("person_id", flat=True))
    assert {due.pk, chased.pk} <= shown and not_theirs.pk not in shown


def test_a_work_list_page_writes_one_entry_naming_its_page(keyworker, someone):
    due = someone(allocated_to=keyworker.user, review_due=TODAY, allocated_on=days_ago(40))

    keyworker.http.get(reverse("worklists:reviews-due"))

    (entry,) = listed_by(keyworker.user)
    assert list(entry.people_shown.values_list("person_id", flat=True)) == [due.pk]
