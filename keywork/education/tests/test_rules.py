"""The education rules: dates in order and about the person, one setting of a type at a time, and
the EHCP's annual review (due 12 months after issue, overdue once its date has passed)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.education.rules import annual_review_due_after, annual_review_overdue, ends_after_start, periods_overlap
from keywork.testing.dates import TODAY, days_ago


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, date_of_birth=datetime.date(2012, 3, 1))


def refused(record) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.full_clean(exclude=["recorded_by"])
    return raised.value.message_dict


def setting(person, **changes) -> EducationSetting:
    fields = {"name": "Oak Park School", "setting_type": "special", "area": "in_area", "starts_on": days_ago(400)}
    return EducationSetting(person=person, **fields | changes)


def test_an_end_before_the_start_is_refused_and_an_open_end_is_allowed():
    errors = {}
    ends_after_start(errors, TODAY, days_ago(1), "the setting")
    assert errors == {"ends_on": "The date the setting ended must be on or after the date it started"}
    ends_after_start(missing := {}, TODAY, None, "the setting")
    assert missing == {}


def test_periods_overlap_when_they_share_a_day_and_an_open_period_runs_on():
    assert periods_overlap(days_ago(10), days_ago(5), days_ago(5), None)
    assert not periods_overlap(days_ago(10), days_ago(6), days_ago(5), days_ago(1))
    assert periods_overlap(days_ago(10), None, days_ago(500), None)


def test_the_annual_review_is_due_12_months_after_the_plan_is_issued():
    assert annual_review_due_after(datetime.date(2026, 1, 15)) == datetime.date(2027, 1, 15)
    assert annual_review_due_after(datetime.date(2028, 2, 29)) == datetime.date(2029, 2, 28)


def test_an_annual_review_is_overdue_only_once_its_date_has_passed():
    assert annual_review_overdue(days_ago(1), TODAY)
    assert not annual_review_overdue(TODAY, TODAY)
    assert not annual_review_overdue(None, TODAY)


def test_a_second_setting_of_the_same_type_for_the_same_dates_is_refused(person):
    setting(person).save()
    assert "starts_on" in refused(setting(person, name="Elm School", starts_on=days_ago(10)))


def test_settings_of_different_types_may_run_side_by_side(person):
    setting(person).save()
    setting(person, name="Hilltop Centre", setting_type="alternative_provision", starts_on=days_ago(10)).full_clean(
        exclude=["recorded_by"]
    )


def test_a_setting_before_the_person_was_born_is_refused(person):
    assert "starts_on" in refused(setting(person, starts_on=datetime.date(2011, 1, 1)))


def test_a_setting_needs_a_name_unless_they_are_not_in_education(person):
    assert refused(setting(person, name=""))["name"] == ["Enter the name of the school or college"]
    setting(person, name="", setting_type="not_in_education").full_clean(exclude=["recorded_by"])


def test_a_permanent_exclusion_has_no_end_date(person):
    event = EducationEvent(person=person, kind="permanent_exclusion", starts_on=days_ago(30), ends_on=days_ago(1))
    assert "ends_on" in refused(event)


def test_an_ehcp_without_a_date_issued_has_its_review_due_a_year_after_issue(person):
    ehcp = Ehcp(person=person, status="yes", issued_on=datetime.date(2026, 1, 15))
    ehcp.full_clean(exclude=["recorded_by"])
    assert ehcp.next_annual_review_due == datetime.date(2027, 1, 15)


def test_dates_of_a_plan_are_refused_when_they_have_no_ehcp(person):
    assert "issued_on" in refused(Ehcp(person=person, status="in_assessment", issued_on=days_ago(5)))


def test_an_annual_review_due_before_the_plan_was_issued_is_refused(person):
    ehcp = Ehcp(person=person, status="yes", issued_on=days_ago(5), next_annual_review_due=days_ago(6))
    assert "next_annual_review_due" in refused(ehcp)


def test_only_an_issued_plan_is_overdue_for_review(person):
    assert Ehcp(person=person, status="yes", next_annual_review_due=days_ago(1)).annual_review_overdue(TODAY)
    assert not Ehcp(person=person, status="no").annual_review_overdue(TODAY)
