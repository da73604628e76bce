"""Two people saving the same system blocker or closing outcome: the later save from the same
version is refused, on the API with 409 and on the page with what changed, keeping what was typed."""

import pytest
from django.urls import reverse

from keywork.locking import StaleRecordError
from keywork.outcomes import operations
from keywork.outcomes.models import ClosingOutcome, SystemBlocker
from keywork.presenters import uk_date
from keywork.testing.api import Api, errors
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import accept_referral
from keywork.testing.locking import save_again, save_from_a_stale_page, second_save_from_one_version
from keywork.testing.pages import date_parts

URL = "/api/outcomes"


@pytest.fixture
def api(manager):
    return Api(manager.user)


@pytest.fixture
def blocker(service):
    return SystemBlocker.objects.create(
        service=service, category="housing", agency="Council", description="No flat", raised_on=days_ago(9)
    )


@pytest.fixture
def referral(person, manager):
    return accept_referral(person, manager.user, closed_on=days_ago(2))


def resolve(api, blocker, body):
    return api.patch(f"{URL}/blockers/{blocker.pk}", body)


def record_outcome(api, referral, body):
    return api.put(f"{URL}/referrals/{referral.pk}/closing-outcome", body)


OUTCOME = {"admission_avoided": "yes", "admission_rationale": "Crisis plan held", "breakdown_prevented": "no"}


def test_a_second_resolution_from_the_same_version_is_refused_with_the_blocker_as_it_is_now(api, blocker):
    first = {"resolved_on": days_ago(1), "resolution": "Funding agreed"}
    second = {"resolved_on": TODAY, "resolution": "Flat found"}

    refused = second_save_from_one_version(lambda body: resolve(api, blocker, body), first, second)

    assert refused["current"]["resolution"] == "Funding agreed"
    blocker.refresh_from_db()
    assert (blocker.resolution, blocker.version) == ("Funding agreed", 2)


def test_a_resolution_without_the_version_read_is_refused_naming_version(api, blocker):
    assert "version" in errors(resolve(api, blocker, {"resolved_on": TODAY}))
    assert SystemBlocker.objects.get().resolved_on is None


def test_a_stale_resolve_page_keeps_what_was_typed_says_what_changed_and_saves_the_second_time(api, manager, blocker):
    url = reverse("outcomes:resolve_blocker", args=[blocker.pk])
    typed = {"resolution": "A flat was found", **date_parts("resolved_on", TODAY)}
    someone_else = {"version": 1, "resolved_on": days_ago(1), "resolution": "Funding agreed"}

    page, form = save_from_a_stale_page(manager.http, url, typed, lambda: resolve(api, blocker, someone_else))

    assert f"Date resolved is now {uk_date(days_ago(1))}: someone else changed it while you were editing" in page
    assert "How it was resolved is now “Funding agreed”" in page
    assert "A flat was found" in page
    save_again(manager.http, url, form)
    blocker.refresh_from_db()
    assert (blocker.resolution, blocker.resolved_on, blocker.version) == ("A flat was found", TODAY, 3)


def test_a_second_first_closing_outcome_is_refused_with_the_outcome_recorded_meanwhile(api, referral):
    first = record_outcome(api, referral, {"version": 0, **OUTCOME})
    assert (first.status_code, first.json()["version"]) == (200, 1)

    refused = record_outcome(api, referral, {"version": 0, **OUTCOME, "breakdown_prevented": "yes"})

    assert refused.status_code == 409
    assert (refused.json()["version"], refused.json()["current"]["breakdown_prevented"]) == (1, "no")
    assert ClosingOutcome.objects.get().breakdown_prevented == "no"


def test_a_correction_from_the_version_read_is_saved_and_a_second_from_it_refused(api, referral):
    record_outcome(api, referral, {"version": 0, **OUTCOME})
    send = lambda body: record_outcome(api, referral, {**OUTCOME, **body})  # noqa: E731

    second_save_from_one_version(send, {"notes": "Corrected"}, {"notes": "Corrected again"})

    assert ClosingOutcome.objects.get().notes == "Corrected"


def test_a_closing_outcome_without_the_version_read_is_refused_naming_version(api, referral):
    assert "version" in errors(record_outcome(api, referral, OUTCOME))
    assert not ClosingOutcome.objects.exists()


def test_a_stale_closing_outcome_page_keeps_what_was_typed_says_what_changed_and_saves_the_second_time(
    api, manager, referral
):
    url = reverse("outcomes:closing_outcome", args=[referral.pk])
    typed = {"admission_avoided": "no", "admission_rationale": "Admitted in crisis", "breakdown_prevented": "yes"}

    page, form = save_from_a_stale_page(
        manager.http, url, typed, lambda: record_outcome(api, referral, {"version": 0, **OUTCOME})
    )

    assert "Was an admission avoided? Someone else changed the answer to “Yes” while you were editing" in page
    assert "Why is now “Crisis plan held”" in page
    assert "Admitted in crisis" in page
    save_again(manager.http, url, form)
    outcome = ClosingOutcome.objects.get()
    assert (outcome.admission_avoided, outcome.admission_rationale, outcome.version) == ("no", "Admitted in crisis", 2)


def test_two_first_closing_outcomes_saved_at_the_same_moment_refuse_the_second_as_stale(actor, referral):
    # Both read "no outcome yet"; the one-outcome-per-referral constraint stops the second.
    first, second = (ClosingOutcome(referral=referral, **OUTCOME) for _ in range(2))
    operations.save_closing_outcome(actor, first, version=0)

    with pytest.raises(StaleRecordError) as refused:
        operations.save_closing_outcome(actor, second, version=0)

    assert refused.value.current == first
    assert ClosingOutcome.objects.count() == 1


def test_a_stale_case_study_page_names_a_link_someone_else_changed_only_as_the_editor_may_see_it(
    story_about_anothers_person, person
):
    """A peer associate may edit a story linked to a person they cannot reach; when someone else
    links it meanwhile, the peer is told the link changed without learning who to."""
    study, peer = story_about_anothers_person
    study.person = None
    study.save()
    url = reverse("outcomes:edit_case_study", args=[study.pk])
    typed = {
        "title": "Back at school",
        "narrative": study.narrative,
        **date_parts("quarter_start", study.quarter_start),
    }

    def someone_else_links_it():
        study.person, study.version = person, 2
        study.save()

    page, form = save_from_a_stale_page(peer.http, url, typed, someone_else_links_it)

    assert "Who it is about is now “A person you cannot see”: someone else changed it while you were editing" in page
    assert person.family_name not in page and person.given_name not in page
