"""Two people updating the same C(E)TR action: the later save from the same version is refused, on
the API with 409 and on the page with what changed, keeping what was typed."""

from django.urls import reverse

from keywork import audit
from keywork.presenters import uk_date
from keywork.reviews import operations
from keywork.testing.api import errors, ok
from keywork.testing.dates import days_ago
from keywork.testing.locking import save_again, save_from_a_stale_page, second_save_from_one_version
from keywork.testing.pages import date_parts

from .test_api import add_action


def update(api, action, body):
    return api.patch(f"/api/actions/{action.pk}", body)


def test_a_second_update_from_the_same_version_is_refused_with_the_action_as_it_is_now(api, review):
    action = add_action(review)
    done = {"status": "done", "evidence": "Report received", "completed_on": days_ago(1)}
    dropped = {"status": "dropped", "dropped_reason": "No longer needed"}

    refused = second_save_from_one_version(lambda body: update(api, action, body), done, dropped)

    assert (refused["current"]["status"], refused["current"]["evidence"]) == ("done", "Report received")
    action.refresh_from_db()
    assert (action.status, action.dropped_reason, action.version) == ("done", "", 2)


def test_the_actions_list_gives_each_actions_version_to_send_back(api, review):
    action = add_action(review)
    assert [(item["id"], item["version"]) for item in ok(api.get("/api/actions"))] == [(action.pk, 1)]


def test_an_update_without_the_version_read_is_refused_naming_version(api, review):
    action = add_action(review)
    assert "version" in errors(update(api, action, {"status": "dropped", "dropped_reason": "No longer needed"}))
    action.refresh_from_db()
    assert action.status == "open"


def test_a_stale_action_page_keeps_what_was_typed_says_what_changed_and_saves_the_second_time(api, coordinator, review):
    action = add_action(review)
    url = reverse("reviews:update_action", args=[action.pk])
    typed = {"status": "dropped", "dropped_reason": "The family declined it"}
    done = {"version": 1, "status": "done", "evidence": "Report received", "completed_on": days_ago(1)}

    page, form = save_from_a_stale_page(coordinator.http, url, typed, lambda: update(api, action, done))

    assert "Status is now “Done”: someone else changed it while you were editing" in page
    assert "Evidence of completion is now “Report received”" in page
    assert f"Date done is now {uk_date(days_ago(1))}" in page
    assert "The family declined it" in page
    save_again(coordinator.http, url, form)
    action.refresh_from_db()
    assert (action.status, action.dropped_reason, action.version) == ("dropped", "The family declined it", 3)


def test_a_stale_review_page_keeps_what_was_typed_and_names_what_someone_else_changed(coordinator, review):
    url = reverse("reviews:edit", args=[review.pk])
    typed = {"kind": review.kind, "outcome_summary": "Community placement agreed", "chair": review.chair}
    typed |= date_parts("requested_on", review.requested_on) | date_parts("held_on", review.held_on)

    def someone_else_saves():
        review.chair = "Another chair"
        operations.save_review(audit.Actor(coordinator.user, coordinator.service), review, version=1)

    page, form = save_from_a_stale_page(coordinator.http, url, typed, someone_else_saves)

    assert "Panel chair is now “Another chair”: someone else changed it while you were editing" in page
    assert "Community placement agreed" in page
    save_again(coordinator.http, url, form)
    review.refresh_from_db()
    assert (review.outcome_summary, review.chair, review.version) == ("Community placement agreed", "Panel chair", 3)
