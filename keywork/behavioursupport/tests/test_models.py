"""The rules of PBS plans and incidents, as the models apply them for pages and the API alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.behavioursupport.tests.conftest import incident_body, plan_body
from keywork.testing.dates import TODAY, days_ago


def an_incident(person, **changes) -> Incident:
    fields = {key: value for key, value in incident_body().items() if key not in ("restrictive_practices",)}
    fields["occurred_at"] = timezone.now() - datetime.timedelta(hours=2)
    return Incident(person=person, **(fields | changes))


def errors_of(check) -> dict:
    with pytest.raises(ValidationError) as raised:
        check()
    return raised.value.message_dict


def test_an_incident_in_the_future_is_refused(person):
    incident = an_incident(person, occurred_at=timezone.now() + datetime.timedelta(hours=1))
    assert (
        "must be dated now or in the past"
        in errors_of(lambda: incident.full_clean(exclude=["recorded_by"]))["occurred_at"][0]
    )


def test_an_incident_before_the_person_was_born_is_refused(person):
    born = datetime.datetime.combine(person.date_of_birth - datetime.timedelta(days=2), datetime.time(12))
    incident = an_incident(person, occurred_at=timezone.make_aware(born))
    assert "occurred_at" in errors_of(lambda: incident.full_clean(exclude=["recorded_by"]))


def test_a_restrictive_practice_needs_a_duration(person):
    incident = an_incident(person)
    practices = [RestrictivePractice(practice="seclusion", minutes=None)]
    assert errors_of(lambda: incident.check_practices(practices)) == {
        "seclusion_minutes": ["Enter how many minutes the seclusion lasted"]
    }


def test_a_duration_longer_than_a_day_is_refused(person):
    practices = [RestrictivePractice(practice="physical", minutes=1441)]
    assert "physical_minutes" in errors_of(lambda: an_incident(person).check_practices(practices))


def test_prn_medication_given_is_recorded_as_chemical_restraint(person):
    incident = an_incident(person, prn_given=True)
    assert "prn_given" in errors_of(lambda: incident.check_practices([]))
    incident.check_practices([RestrictivePractice(practice="chemical", minutes=120)])


def test_an_injury_needs_its_details(person):
    incident = an_incident(person, injury="others")
    assert errors_of(lambda: incident.full_clean(exclude=["recorded_by"]))["injury_details"] == [
        "Enter who was hurt and how"
    ]


def test_severity_is_from_1_to_5(person):
    assert "severity" in errors_of(lambda: an_incident(person, severity=6).full_clean(exclude=["recorded_by"]))


def a_plan(person, **changes) -> PbsPlan:
    fields = {key: value for key, value in plan_body().items() if key != "based_on_version"}
    fields |= {"agreed_on": days_ago(3), "review_on": TODAY + datetime.timedelta(days=180)}
    return PbsPlan(person=person, version=1, **(fields | changes))


def test_a_plan_reviewed_before_it_was_agreed_is_refused(person):
    plan = a_plan(person, review_on=days_ago(10))
    assert "review_on" in errors_of(lambda: plan.full_clean(exclude=["saved_by"]))


def test_a_plan_agreed_in_the_future_is_refused(person):
    plan = a_plan(person, agreed_on=TODAY + datetime.timedelta(days=1))
    assert "agreed_on" in errors_of(lambda: plan.full_clean(exclude=["saved_by"]))


def test_a_plan_is_overdue_for_review_from_the_day_after_its_review_date(person):
    assert not a_plan(person, agreed_on=days_ago(200), review_on=TODAY).review_overdue
    assert a_plan(person, agreed_on=days_ago(200), review_on=days_ago(1)).review_overdue
