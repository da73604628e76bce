import datetime

import pytest
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.keyworking.models import Contact, Escalation, FollowUp
from keywork.register.choices import ConsentBasis
from keywork.register.models import Person
from keywork.testing import factories
from keywork.testing.dates import days_ago
from keywork.testing.pages import logged_in
from keywork.transition import rules


@pytest.fixture
def keyworker(service):
    """A Practice Consultant, logged in."""
    return logged_in(factories.create_user(service, Role.KEYWORKER))


@pytest.fixture
def someone(service, coordinator_user, add_person):
    """someone(rating="amber", allocated_to=user, review_due=date) → an active person on the register."""

    def make(rating="amber", allocated_to=None, review_due=None, allocated_on=None):
        person = add_person(service, coordinator_user, rating=rating, referral_date=days_ago(90))
        if review_due is not None:
            person.next_review_due = review_due
            person.save(update_fields=["next_review_due"])
        if allocated_to is not None:
            factories.allocate(person, allocated_to, allocated_on or days_ago(60), by=coordinator_user)
        return person

    return make


def contact_on(person, day: datetime.date, by) -> Contact:
    """A call with `person` at noon (local time) on `day`."""
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return Contact.objects.create(
        person=person, occurred_at=at, contact_type="call", duration_minutes=10, notes="Rang mum", recorded_by=by
    )


def follow_up(person, due_on, owner, description="Chase the OT referral", done_on=None) -> FollowUp:
    contact = contact_on(person, days_ago(20), owner)
    return FollowUp.objects.create(
        contact=contact, person=person, description=description, owner=owner, due_on=due_on, done_on=done_on
    )


def escalation(person, by, responded_on=None) -> Escalation:
    return Escalation.objects.create(
        person=person,
        issue="No CAMHS appointment",
        escalated_to="CAMHS",
        level="manager",
        escalated_on=days_ago(10),
        response_due_on=days_ago(3),
        response="Booked" if responded_on else "",
        responded_on=responded_on,
        raised_by=by,
    )


def turned(person, years: int, days_ago_: int = 10, keywork_open_by=None):
    """Make `person` have turned `years` `days_ago_` days ago, with only the consent given for them
    as a child (by someone with parental responsibility), and, given `keywork_open_by`, keywork open."""
    born = rules.born_by(days_ago(days_ago_), (years, 0))
    Person.objects.filter(pk=person.pk).update(date_of_birth=born)
    person.consents.update(basis=ConsentBasis.PARENTAL_RESPONSIBILITY, decided_on=born + datetime.timedelta(days=3000))
    if keywork_open_by is not None:
        factories.accept_referral(person, keywork_open_by, decided_on=days_ago(60))
    person.refresh_from_db()
    return person
