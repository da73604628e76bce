"""Outcome records dated centuries away, or before the person was born, are refused naming the field
(keywork/datebounds.py): personal goals and their ratings, behaviours of concern, family measures,
system blockers and case studies."""

import datetime

import pytest

from keywork.outcomes.models import Goal
from keywork.presenters import uk_long_date
from keywork.testing.api import Api, errors
from keywork.testing.dates import days_ago

from .test_api import URL, goal_body

ERA = "must be between 1 January 1900 and 31 December 2099"
LONG_AGO = "0001-01-01"


@pytest.fixture
def api(manager):
    return Api(manager.user)


def goal(person, day):
    return "goals", goal_body(person, set_on=day)


def behaviour(person, day):
    body = {"person_id": person.pk, "behaviour_type": "absconding", "frequency_per_week": 2, "severity": 3}
    return "behaviour-records", body | {"week_starting": day}


def family_measure(person, day):
    scores = {"quality_of_life": 4, "confidence_managing": 5, "feeling_listened_to": 5}
    return "family-measures", {"person_id": person.pk, "point": "start", "taken_on": day, **scores}


def blocker(person, day):
    body = {"category": "housing", "agency": "Provider", "description": "No carers", "person_ids": [person.pk]}
    return "blockers", body | {"raised_on": day}


def case_study(person, day):
    body = {"title": "t", "narrative": "n", "consent_recorded": True, "consent_given_by": "Mum"}
    return "case-studies", body | {"quarter_start": "2024-04-01", "consent_on": day}


@pytest.mark.parametrize(
    ("record", "field", "what"),
    [
        (goal, "set_on", "The date the goal was set"),
        (behaviour, "week_starting", "The week"),
        (family_measure, "taken_on", "The date the measure was taken"),
        (blocker, "raised_on", "The date raised"),
        (case_study, "consent_on", "The date consent was given"),
    ],
    ids=["goal", "behaviour", "family measure", "blocker", "case study"],
)
def test_an_outcome_dated_in_the_year_1_is_refused(api, person, record, field, what):
    path, body = record(person, LONG_AGO)
    assert errors(api.post(f"{URL}/{path}", body)) == {field: [f"{what} {ERA}"]}


def test_a_case_study_for_a_quarter_in_the_year_1_is_refused(api):
    body = {"title": "t", "narrative": "n", "quarter_start": LONG_AGO}
    assert errors(api.post(f"{URL}/case-studies", body)) == {"quarter_start": [f"The quarter {ERA}"]}


@pytest.mark.parametrize(
    ("record", "field", "what"),
    [
        (goal, "set_on", "The date the goal was set"),
        (behaviour, "week_starting", "The week"),
        (family_measure, "taken_on", "The date the measure was taken"),
    ],
    ids=["goal", "behaviour", "family measure"],
)
def test_an_outcome_before_the_person_was_born_is_refused(api, person, record, field, what):
    path, body = record(person, (person.date_of_birth - datetime.timedelta(days=1)).isoformat())
    born = uk_long_date(person.date_of_birth)
    assert errors(api.post(f"{URL}/{path}", body)) == {
        field: [f"{what} must be on or after their date of birth, {born}"]
    }


def test_a_goal_rated_in_the_year_1_is_refused(api, person):
    goal = Goal.objects.create(person=person, description="Go to school", set_on=days_ago(20), set_with="mum")
    refused = errors(api.post(f"{URL}/goals/{goal.pk}/ratings", {"rated_on": LONG_AGO, "score": 0}))
    assert refused == {"rated_on": [f"The date of the rating {ERA}"]}
