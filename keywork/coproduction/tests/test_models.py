import pytest
from django.core.exceptions import ValidationError

from keywork.coproduction.models import Engagement
from keywork.testing.dates import TODAY, days_ago


def _engagement(service, **fields) -> Engagement:
    values = {"kind": "survey", "title": "Survey", "held_on": days_ago(1), "what_we_heard": "h"}
    return Engagement(service=service, **(values | fields))


def test_an_event_without_parents_carers_or_young_people_is_not_co_production(service):
    with pytest.raises(ValidationError) as refused:
        _engagement(service, professionals=9).full_clean(exclude=["recorded_by"])
    assert refused.value.message_dict["parents_carers"] == [
        "Enter how many parents and carers, or young people, took part"
    ]


def test_an_event_in_the_future_is_refused(service):
    with pytest.raises(ValidationError) as refused:
        _engagement(service, young_people=3, held_on=days_ago(-1)).full_clean(exclude=["recorded_by"])
    assert refused.value.message_dict["held_on"] == ["The date must be today or in the past"]


def test_an_attendance_beyond_ten_thousand_is_refused_as_a_slip(service):
    with pytest.raises(ValidationError) as refused:
        _engagement(service, parents_carers=10_001).full_clean(exclude=["recorded_by"])
    assert "parents_carers" in refused.value.message_dict


def test_nothing_changed_a_quarter_after_families_were_heard_is_overdue(service, engagement_in):
    assert engagement_in(service, held_on=days_ago(92), what_changed="").response_overdue
    assert not engagement_in(service, held_on=days_ago(91), what_changed="").response_overdue
    assert not engagement_in(service, held_on=days_ago(200), what_changed="A new leaflet").response_overdue


def test_the_events_of_a_quarter_include_both_its_first_and_last_days(service, engagement_in):
    first = engagement_in(service, held_on=TODAY.replace(day=1))
    engagement_in(service, held_on=days_ago(400))
    assert list(Engagement.objects.held_between(TODAY.replace(day=1), TODAY)) == [first]
