"""Placement rules: dates in order and about the person, one place at a time, and a breakdown in
the last N months as a risk factor."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.placements.models import Placement, PlacementBreakdown
from keywork.placements.rules import months_before, placement_breakdown_within
from keywork.testing.dates import TODAY, days_ago


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, date_of_birth=datetime.date(2012, 3, 1))


def refused(record) -> dict:
    with pytest.raises(ValidationError) as raised:
        record.full_clean(exclude=["recorded_by"])
    return raised.value.message_dict


def placement(person, **changes) -> Placement:
    return Placement(person=person, **{"kind": "foster_care", "area": "in_area", "starts_on": days_ago(300)} | changes)


def test_months_before_keeps_the_day_or_takes_the_months_last():
    assert months_before(datetime.date(2026, 11, 25), 6) == datetime.date(2026, 5, 25)
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 2) == datetime.date(2025, 11, 15)


def test_a_breakdown_within_the_months_counts_as_a_risk_factor_and_an_older_one_does_not(person):
    PlacementBreakdown.objects.create(person=person, occurred_on=days_ago(200), what_happened="Carer gave notice")
    assert not placement_breakdown_within(person, 6, TODAY)
    assert placement_breakdown_within(person, 12, TODAY)


def test_a_placement_ending_before_it_starts_is_refused(person):
    assert "ends_on" in refused(placement(person, ends_on=days_ago(301)))


def test_a_placement_before_the_person_was_born_is_refused(person):
    assert "starts_on" in refused(placement(person, starts_on=datetime.date(2011, 1, 1)))


def test_two_places_to_live_on_the_same_day_are_refused(person):
    placement(person, ends_on=days_ago(100)).save()
    assert "starts_on" in refused(placement(person, kind="residential_home", starts_on=days_ago(100)))
    placement(person, kind="residential_home", starts_on=days_ago(99)).full_clean(exclude=["recorded_by"])


def test_a_breakdown_says_what_happened(person):
    assert "what_happened" in refused(PlacementBreakdown(person=person, occurred_on=TODAY, what_happened=" "))
