"""Saving reviews and actions, each audited. Pages and the API call these."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.reviews.files import replacing_report


@transaction.atomic
def save_review(actor, review, version: int | None = None):
    """Save a review; when edited on its page (`version` read given), only if nobody saved it since."""
    operation = Operation.UPDATE if review.pk else Operation.CREATE
    if review.pk is None:
        review.recorded_by = actor.user
    if review.report and not review.report_name:
        review.report_name = review.report.name.rsplit("/", 1)[-1]
    with replacing_report(review):  # the old report goes once this commits; a failed save keeps it
        review.save() if version is None else review.save_if_unchanged_since(version)
        audit.record(actor, operation, review, person_id=review.person_id, changes={"held_on": review.held_on})
    return review


@transaction.atomic
def save_action(actor, action, version: int = 0):
    """Add an action, or save changes to one unless someone else saved it since `version` was read."""
    operation = Operation.UPDATE if action.pk else Operation.CREATE
    action.save_if_unchanged_since(version)
    audit.record(actor, operation, action, person_id=action.person_id, changes={"status": action.status})
    return action
