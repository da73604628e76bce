"""The open actions page shows a page at a time, and its audit entry names only that page's people."""

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.register import access
from keywork.reviews.models import Action, Review
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user
from keywork.testing.pages import logged_in


def open_action_for(person, by) -> Action:
    review = Review.objects.create(person=person, kind="community", requested_on=days_ago(30), recorded_by=by)
    return Action.objects.create(
        source=review, person=person, recommendation="Sensory assessment", due_on=days_ago(2), owner_organisation="OT"
    )


def test_the_open_actions_page_shows_a_page_at_a_time_naming_only_that_pages_people(
    service, coordinator_user, add_person, monkeypatch
):
    monkeypatch.setattr(access, "PAGE_SIZE", 2)
    people = [add_person(service, coordinator_user) for _ in range(3)]
    for person in people:
        open_action_for(person, coordinator_user)
    manager = logged_in(create_user(service, Role.MANAGER))

    first = manager.http.get(reverse("reviews:actions"))
    second = manager.http.get(reverse("reviews:actions"), {"page": 2})

    assert len(first.context["actions"]) == 2 and len(second.context["actions"]) == 1
    assert "Page 2 of 2" in first.content.decode()
    entries = AuditEntry.objects.filter(actor=manager.user, operation=Operation.LIST).order_by("id")
    named = [set(entry.people_shown.values_list("person_id", flat=True)) for entry in entries]
    assert named[0].isdisjoint(named[1]) and named[0] | named[1] == {person.pk for person in people}
