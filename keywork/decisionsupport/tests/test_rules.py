"""The tool's rules, beyond the doctests in rules.py: the suggestion for someone in hospital or
just discharged, and the default domains every service starts with."""

import pytest

from keywork.decisionsupport import rules
from keywork.decisionsupport.choices import Level
from keywork.register.choices import Rating
from keywork.testing.dates import TODAY, days_ago

pytestmark = pytest.mark.django_db


def test_every_level_counts_its_points_times_the_weight():
    answers = [(3, Level.HIGH), (3, Level.MODERATE), (2, Level.LOW), (1, Level.NONE)]
    assert rules.weighted_score(answers) == 9 + 6 + 2 + 0


def test_half_the_highest_score_suggests_red_a_quarter_amber_and_less_green():
    assert rules.rating_for_score(50, 100) == Rating.RED
    assert rules.rating_for_score(49, 100) == Rating.AMBER
    assert rules.rating_for_score(25, 100) == Rating.AMBER
    assert rules.rating_for_score(24, 100) == Rating.GREEN


def test_no_domains_suggests_green_rather_than_dividing_by_nothing():
    assert rules.rating_for_score(0, 0) == Rating.GREEN


def test_the_tool_suggests_nothing_for_someone_in_hospital(person, admit):
    admit(person, days_ago(10))
    assert rules.suggested_rating(person, 54, 54, TODAY) == ""


def test_the_tool_never_suggests_blue_in_the_community(person):
    suggestions = {rules.suggested_rating(person, score, 54, TODAY) for score in range(55)}
    assert suggestions == {Rating.RED, Rating.AMBER, Rating.GREEN}


def test_within_the_days_after_discharge_the_tool_suggests_red_whatever_the_score(person, admit):
    admit(person, days_ago(30), discharged_on=days_ago(5))
    assert rules.suggested_rating(person, 0, 54, TODAY) == Rating.RED


def test_after_those_days_the_score_decides_again(person, admit):
    admit(person, days_ago(60), discharged_on=days_ago(20))
    assert rules.suggested_rating(person, 0, 54, TODAY) == Rating.GREEN


def test_a_new_service_gets_the_default_domains_and_weights(domains):
    assert [(d.name, d.weight, d.active) for d in domains] == [(d.name, d.weight, True) for d in rules.DEFAULT_DOMAINS]
    assert rules.highest_score(d.weight for d in domains) == 54
