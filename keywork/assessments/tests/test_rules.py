"""The assessment's rules, each a named function, and the model refusing what they refuse."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.assessments import rules
from keywork.assessments.models import Assessment
from keywork.testing.dates import TODAY, days_ago


def errors_of(assessment) -> dict:
    with pytest.raises(ValidationError) as raised:
        assessment.full_clean(exclude=["recorded_by"])
    return raised.value.message_dict


def valid(child, **fields) -> Assessment:
    values = {
        "kind": "communication",
        "assessed_on": days_ago(3),
        "assessor_name": "Sam Lee",
        "assessor_organisation": "Speech and language therapy",
        "summary": "Uses Makaton signs and a few words.",
    }
    return Assessment(person=child, **(values | fields))


def test_a_date_after_today_is_in_the_future_and_today_is_not():
    assert rules.is_in_the_future(TODAY + datetime.timedelta(days=1), TODAY)
    assert not rules.is_in_the_future(TODAY, TODAY)
    assert not rules.is_in_the_future(None, TODAY)


def test_only_occupational_therapy_has_areas():
    assert rules.has_areas("occupational_therapy")
    assert not any(rules.has_areas(kind) for kind in ("educational_psychology", "communication", "behaviour"))


def test_an_occupational_therapy_assessment_needs_an_area_and_others_may_have_none():
    assert rules.area_error("occupational_therapy", []) == "Choose what the occupational therapy assessment looked at"
    assert rules.area_error("behaviour", ["sensory_processing"]) == "Only an occupational therapy assessment has areas"
    assert rules.area_error("occupational_therapy", ["equipment"]) is None
    assert rules.area_error("occupational_therapy", ["juggling"]) == "Unknown area: juggling"


def test_the_assessor_is_staff_or_an_outside_assessor_with_their_organisation_not_both():
    assert rules.assessor_errors(7, "", "") == {}
    assert rules.assessor_errors(None, "Dr Khan", "CAMHS") == {}
    assert "assessor_staff" in rules.assessor_errors(None, " ", "")
    assert "assessor_organisation" in rules.assessor_errors(None, "Dr Khan", "")
    assert "assessor_name" in rules.assessor_errors(7, "Dr Khan", "CAMHS")


def test_an_assessment_dated_tomorrow_is_refused(child):
    found = errors_of(valid(child, assessed_on=TODAY + datetime.timedelta(days=1)))
    assert found == {"assessed_on": ["The date assessed must be today or in the past"]}


def test_an_assessment_before_the_person_was_born_is_refused(child):
    found = errors_of(valid(child, assessed_on=datetime.date(2010, 1, 1)))
    assert found == {"assessed_on": ["The date assessed must be on or after their date of birth, 5 May 2012"]}


def test_areas_on_a_communication_assessment_are_refused(child):
    assert errors_of(valid(child, areas=["equipment"])) == {
        "areas": ["Only an occupational therapy assessment has areas"]
    }


def test_staff_from_another_service_cannot_be_the_assessor(child, other_service, make_user):
    stranger = make_user(other_service, "keyworker")
    found = errors_of(valid(child, assessor_name="", assessor_organisation="", assessor_staff=stranger))
    assert found == {"assessor_staff": ["Choose a member of this service's staff"]}


def test_a_blank_summary_is_refused(child):
    assert errors_of(valid(child, summary="  ")) == {"summary": ["Enter a summary of the assessment"]}


def test_a_valid_assessment_passes(child):
    valid(child).full_clean(exclude=["recorded_by"])


def test_it_is_named_for_its_kind_and_raises_actions_from_its_date(child):
    assessment = valid(child, kind="behaviour", assessed_on=datetime.date(2026, 10, 5))
    assert assessment.name == "Functional behaviour assessment"
    assert assessment.action_source_label == "Functional behaviour assessment on 5 October 2026"
    assert assessment.action_source_date == datetime.date(2026, 10, 5)
