import pytest
from django.core.exceptions import ValidationError

from keywork.signposting.models import Signposting
from keywork.testing.dates import days_ago


def _checked(person, **fields) -> dict:
    values = {"signposted_on": days_ago(10), "organisation": "Youth club", "kind": "community_group"}
    with pytest.raises(ValidationError) as refused:
        Signposting(person=person, **(values | fields)).full_clean(exclude=["recorded_by"])
    return refused.value.message_dict


def test_an_outcome_known_needs_its_date(child):
    assert _checked(child, outcome="attended")["outcome_on"] == ["Enter the date of the outcome"]


def test_waiting_has_no_outcome_date(child):
    errors = _checked(child, outcome="waiting", outcome_on=days_ago(1))
    assert errors["outcome_on"] == ["Leave the date of the outcome empty while they are waiting"]


def test_an_outcome_before_the_signposting_is_refused(child):
    errors = _checked(child, outcome="not_taken_up", outcome_on=days_ago(11))
    assert errors["outcome_on"] == ["The date of the outcome must be on or after the date signposted"]


def test_a_signposting_in_the_future_or_before_birth_is_refused(child):
    assert _checked(child, signposted_on=days_ago(-1))["signposted_on"] == [
        "The date signposted must be today or in the past"
    ]
    assert "date of birth" in _checked(child, signposted_on=child.date_of_birth.replace(year=2011))["signposted_on"][0]


def test_the_worker_type_is_kept_as_it_was_when_recorded(child, peer, signposting_of):
    signposting = signposting_of(child, peer)
    peer.worker_type = "practice_consultant"
    peer.save()
    signposting.save()
    assert Signposting.objects.get(pk=signposting.pk).recorded_as == "Peer Associate"


def test_still_waiting_after_four_weeks_needs_a_follow_up(child, peer, signposting_of):
    assert signposting_of(child, peer, signposted_on=days_ago(29)).needs_follow_up
    assert not signposting_of(child, peer, signposted_on=days_ago(28)).needs_follow_up
    attended = signposting_of(child, peer, signposted_on=days_ago(90), outcome="attended", outcome_on=days_ago(80))
    assert not attended.needs_follow_up
