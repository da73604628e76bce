"""Two people answering the same escalation: the later save from the same version is refused, on the
API with 409 and on the page with what changed, keeping what was typed."""

import pytest
from django.urls import reverse

from keywork.keyworking.models import Escalation
from keywork.presenters import uk_date
from keywork.testing.api import errors
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import refer
from keywork.testing.locking import save_again, save_from_a_stale_page, second_save_from_one_version
from keywork.testing.pages import date_parts

from .test_api_support import escalation_body, iso


@pytest.fixture
def escalation(person, manager):
    body = escalation_body(person)
    del body["person_id"]
    return Escalation.objects.create(person=person, raised_by=manager.user, **body)


def answer(api, escalation, body):
    return api.patch(f"/api/escalations/{escalation.pk}", body)


def test_a_second_update_from_the_same_version_is_refused_with_the_escalation_as_it_is_now(api, escalation):
    first = {"response": "Appointment offered", "responded_on": iso(days_ago(2))}
    refused = second_save_from_one_version(
        lambda body: answer(api, escalation, body), first, {"resolved_on": iso(TODAY)}
    )

    assert refused["current"]["response"] == "Appointment offered"
    escalation.refresh_from_db()
    assert (escalation.response, escalation.resolved_on, escalation.version) == ("Appointment offered", None, 2)


def test_an_update_without_the_version_read_is_refused_naming_version(api, escalation):
    assert "version" in errors(answer(api, escalation, {"resolved_on": iso(TODAY)}))
    escalation.refresh_from_db()
    assert escalation.resolved_on is None


def test_a_stale_response_page_keeps_what_was_typed_says_what_changed_and_saves_the_second_time(
    api, manager, escalation
):
    url = reverse("keyworking:respond", args=[escalation.pk])
    typed = {"response": "Left a message with the team", **date_parts("responded_on", TODAY)}
    someone_else = {"version": 1, "response": "Called back", "responded_on": iso(days_ago(1))}

    page, form = save_from_a_stale_page(manager.http, url, typed, lambda: answer(api, escalation, someone_else))

    assert "Response is now “Called back”: someone else changed it while you were editing" in page
    assert f"Date of the response is now {uk_date(days_ago(1))}" in page
    assert "Left a message with the team" in page
    assert form.data["version"] == 2
    save_again(manager.http, url, form)
    escalation.refresh_from_db()
    assert (escalation.response, escalation.responded_on, escalation.version) == (typed["response"], TODAY, 3)


# Referrals: two people deciding, or ending keywork, at once ---------------------------------------


def decide(api, referral, body):
    return api.post(f"/api/referrals/{referral.pk}/decision", body)


def test_a_second_decision_from_the_same_version_is_refused_with_the_referral_as_it_is_now(api, person, manager):
    pending = refer(person, manager.user)
    accepted = {"decision": "accepted", "decided_on": iso(days_ago(1))}
    declined = {"decision": "declined", "decided_on": iso(TODAY), "decision_reason": "Needs met elsewhere"}

    refused = second_save_from_one_version(lambda body: decide(api, pending, body), accepted, declined)

    assert refused["current"]["decision"] == "accepted"
    pending.refresh_from_db()
    assert (pending.decision, pending.decision_reason) == ("accepted", "")


def test_a_second_closure_from_the_same_version_is_refused(api, accepted_referral):
    send = lambda body: api.post(f"/api/referrals/{accepted_referral.pk}/closure", body)  # noqa: E731
    closure = {"closed_on": iso(days_ago(1)), "closing_reason": "stepped_down"}

    second_save_from_one_version(send, closure, {**closure, "closed_on": iso(TODAY)})

    accepted_referral.refresh_from_db()
    assert accepted_referral.closed_on == days_ago(1)


def test_a_stale_decision_page_keeps_what_was_typed_says_what_changed_and_saves_the_second_time(api, person, manager):
    pending = refer(person, manager.user)
    url = reverse("keyworking:decide_referral", args=[pending.pk])
    typed = {"decision": "accepted", **date_parts("decided_on", TODAY)}
    declined = {"version": 1, "decision": "declined", "decided_on": iso(days_ago(1)), "decision_reason": "Needs met"}

    page, form = save_from_a_stale_page(manager.http, url, typed, lambda: decide(api, pending, declined))

    assert "Decision is now “Declined”: someone else changed it while you were editing" in page
    assert form.data["decision"] == "accepted"
    save_again(manager.http, url, form)
    pending.refresh_from_db()
    assert (pending.decision, pending.decided_on, pending.version) == ("accepted", TODAY, 3)
