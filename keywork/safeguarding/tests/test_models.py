import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.testing.dates import TODAY, days_ago


def _status_errors(person, **fields) -> dict:
    values = {"kind": "child_in_need", "starts_on": days_ago(10), "local_authority": "Kent"} | fields
    try:
        SafeguardingStatus(person=person, **values).full_clean(exclude=["recorded_by"])
    except ValidationError as error:
        return error.message_dict
    return {}


def _concern_errors(person, **fields) -> dict:
    values = {"raised_on": days_ago(1), "category": "neglect", "what_happened": "w", "referred_to": "police"}
    try:
        SafeguardingConcern(person=person, **(values | fields)).full_clean(exclude=["raised_by"])
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_status_ending_before_it_starts_is_refused(child):
    errors = _status_errors(child, starts_on=days_ago(10), ends_on=days_ago(20))
    assert errors == {"ends_on": ["The end date must be after the start date"]}


def test_a_status_starting_before_birth_is_refused(child):
    errors = _status_errors(child, starts_on=datetime.date(2012, 5, 4))
    assert errors["starts_on"] == ["The start date must be on or after their date of birth, 5 May 2012"]


def test_a_status_starting_in_the_future_is_refused(child):
    assert _status_errors(child, starts_on=TODAY + datetime.timedelta(days=1))["starts_on"] == [
        "The start date must be today or in the past"
    ]


def test_adult_safeguarding_for_a_child_is_refused(child):
    errors = _status_errors(child, kind="adult_safeguarding")
    assert errors == {"kind": ["Adult safeguarding is for people aged 18 or over on the start date"]}


def test_adult_safeguarding_from_the_18th_birthday_is_allowed(service, coordinator_user, add_person):
    adult = add_person(service, coordinator_user, date_of_birth=datetime.date(2000, 1, 1))
    assert _status_errors(adult, kind="adult_safeguarding", starts_on=datetime.date(2018, 1, 1)) == {}


def test_a_child_protection_plan_for_an_adult_is_refused(service, coordinator_user, add_person):
    adult = add_person(service, coordinator_user, date_of_birth=datetime.date(2000, 1, 1))
    errors = _status_errors(adult, kind="child_protection_plan", starts_on=datetime.date(2019, 1, 1))
    assert errors == {"kind": ["Child protection plan is for children: they must be under 18 on the start date"]}


def test_looked_after_needs_a_legal_basis(child):
    assert _status_errors(child, kind="looked_after") == {
        "legal_basis": ["Choose the legal basis on which they are looked after"]
    }
    assert _status_errors(child, kind="looked_after", legal_basis="s31") == {}


def test_only_looked_after_has_a_legal_basis(child):
    assert _status_errors(child, legal_basis="s20") == {"legal_basis": ["Only a looked-after status has a legal basis"]}


def test_overlapping_periods_of_the_same_kind_are_refused(child, status_of):
    status_of(child, starts_on=days_ago(100), ends_on=days_ago(50))
    errors = _status_errors(child, starts_on=days_ago(60))
    assert errors["starts_on"][0].startswith("This overlaps the child in need status from")


def test_a_period_starting_the_day_the_last_ended_and_another_kind_are_allowed(child, status_of):
    status_of(child, starts_on=days_ago(100), ends_on=days_ago(50))
    assert _status_errors(child, starts_on=days_ago(50)) == {}
    assert _status_errors(child, kind="child_protection_plan", starts_on=days_ago(60)) == {}


def test_a_status_is_current_until_its_end_date(child, status_of):
    ended = status_of(child, starts_on=days_ago(100), ends_on=TODAY)
    assert not ended.is_current
    assert status_of(child, kind="child_protection_plan").is_current


def test_a_concern_not_referred_must_say_why(child):
    assert _concern_errors(child, referred_to="none") == {
        "not_referred_reason": ["Enter why the concern was not referred"]
    }
    assert _concern_errors(child, referred_to="none", not_referred_reason="Parent already reported it") == {}


def test_a_concern_raised_before_birth_or_in_the_future_is_refused(child):
    assert "raised_on" in _concern_errors(child, raised_on=datetime.date(2010, 1, 1))
    assert "raised_on" in _concern_errors(child, raised_on=TODAY + datetime.timedelta(days=1))


def test_an_outcome_needs_its_date_and_text_and_cannot_precede_the_concern(child):
    assert _concern_errors(child, outcome="Visited") == {"outcome_on": ["Enter the date of the outcome"]}
    assert _concern_errors(child, outcome_on=days_ago(1)) == {"outcome": ["Enter the outcome"]}
    assert _concern_errors(child, outcome="o", outcome_on=days_ago(5)) == {
        "outcome_on": ["The outcome must be dated on or after the concern was raised"]
    }


def test_a_follow_up_needs_a_due_date_before_it_is_done(child):
    assert _concern_errors(child, follow_up="Call SW") == {"follow_up_due_on": ["Enter the date the follow-up is due"]}
    assert _concern_errors(child, follow_up_done_on=TODAY) == {
        "follow_up_done_on": ["Record the follow-up before marking it done"]
    }


@pytest.mark.parametrize(
    ("fields", "is_open"),
    [
        ({}, True),
        ({"outcome": "o", "outcome_on": TODAY}, False),
        ({"outcome": "o", "outcome_on": TODAY, "follow_up": "f", "follow_up_due_on": TODAY}, True),
    ],
)
def test_a_concern_is_open_until_its_outcome_and_follow_up(child, fields, is_open):
    concern = SafeguardingConcern(person=child, raised_on=days_ago(1), **fields)
    assert concern.is_open is is_open
