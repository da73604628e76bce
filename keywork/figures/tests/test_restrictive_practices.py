"""Restrictive practices counted for the service: uses and people by practice in the year, small
counts hidden where the counts leave the service (commissioners), true counts for its staff."""

import datetime

from django.urls import reverse
from django.utils import timezone

from keywork import audit
from keywork.accounts.models import Role
from keywork.behavioursupport import operations
from keywork.behavioursupport.models import Incident, RestrictivePractice
from keywork.figures.restrictive_practices import people_by_practice, restrictive_practice_figures, uses_by_practice
from keywork.testing.dates import TODAY, days_ago


def incident(person, by, day, *practices):
    occurred = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))
    record = Incident(
        person=person,
        occurred_at=occurred,
        setting="home",
        antecedent="a",
        behaviour="b",
        consequence="c",
        severity=3,
        injury="none",
        prn_given="chemical" in practices,
    )
    rows = [RestrictivePractice(practice=practice, minutes=5) for practice in practices]
    return operations.record_incident(audit.Actor(by, by.service), record, rows)


def test_uses_and_people_are_counted_by_practice_within_the_period(service, coordinator_user, add_person):
    first, second = add_person(service, coordinator_user), add_person(service, coordinator_user)
    incident(first, coordinator_user, days_ago(3), "physical", "chemical")
    incident(first, coordinator_user, days_ago(2), "physical")
    incident(second, coordinator_user, days_ago(1), "seclusion")
    incident(second, coordinator_user, days_ago(400), "physical")
    people = service.people.all()
    uses = uses_by_practice(people, days_ago(364), TODAY)
    assert uses["Physical restraint"] == 2 and uses["Seclusion"] == 1 and uses["Mechanical restraint"] == 0
    assert people_by_practice(people, days_ago(364), TODAY)["Physical restraint"] == 1
    figures = restrictive_practice_figures(people, days_ago(364), TODAY, 0)
    assert figures.people_with_any == 2 and figures.uses.total == 4


def test_small_counts_are_hidden_for_a_commissioner_and_true_for_staff(service, coordinator_user, add_person, as_role):
    person = add_person(service, coordinator_user)
    incident(person, coordinator_user, days_ago(3), "physical")
    url = reverse("figures:restrictive_practices")
    published = as_role(Role.COMMISSIONER).http.get(url).content.decode()
    assert "Physical restraint" in published and ">*<" in published.replace("</span>", ">")
    staff = as_role(Role.MANAGER).http.get(url).content.decode()
    assert "These are the true counts" in staff
