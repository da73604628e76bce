"""Saving outcome and system-learning records, each audited. Pages and the API call these, after
the record's rules have been checked (full_clean on the API, the ModelForm on pages)."""

from django.db import IntegrityError, transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.locking import StaleRecordError
from keywork.outcomes.models import ClosingOutcome

STALE_FIRST_OUTCOME = (
    "Someone else recorded the closing outcome at the same moment: read it and send your changes with its version"
)


def _save(actor, record, person_id, changes=None, version=None):
    """Save and audit; a versioned record (given the `version` read) only if nobody saved it since."""
    operation = Operation.UPDATE if record.pk else Operation.CREATE
    if record.pk is None:
        record.recorded_by = actor.user
    if version is None:
        record.save()
    else:
        record.save_if_unchanged_since(version)
    audit.record(actor, operation, record, person_id=person_id, changes=changes)
    return record


@transaction.atomic
def save_goal(actor, goal):
    return _save(actor, goal, goal.person_id)


@transaction.atomic
def rate_goal(actor, rating):
    return _save(actor, rating, rating.goal.person_id, {"score": rating.score, "rated_on": rating.rated_on})


@transaction.atomic
def save_behaviour_record(actor, record):
    changes = {"behaviour_type": record.behaviour_type, "frequency_per_week": record.frequency_per_week}
    return _save(actor, record, record.person_id, changes)


@transaction.atomic
def save_family_measure(actor, measure):
    return _save(actor, measure, measure.person_id, {"point": measure.point})


@transaction.atomic
def save_closing_outcome(actor, outcome, version: int):
    """Record the outcome, or correct it unless someone else saved it since `version` (0: none yet)."""
    changes = {"admission_avoided": outcome.admission_avoided, "breakdown_prevented": outcome.breakdown_prevented}
    try:
        with transaction.atomic():
            return _save(actor, outcome, outcome.referral.person_id, changes, version)
    except IntegrityError as error:
        # Two people recording the referral's first outcome at the same moment: one outcome each
        # referral, so the second is told as for any other save over someone else's.
        current = ClosingOutcome.objects.filter(referral_id=outcome.referral_id).first()
        raise StaleRecordError(STALE_FIRST_OUTCOME, current=current) from error


@transaction.atomic
def save_blocker(actor, blocker, people=None, version: int = 0):
    """Save a system blocker; `people` (if given) replaces the people it holds up. Changes to a
    saved blocker are refused if someone else saved it since `version` was read."""
    if not blocker.service_id:
        blocker.service = actor.service
    operation = Operation.UPDATE if blocker.pk else Operation.CREATE
    if blocker.pk is None:
        blocker.recorded_by = actor.user
    blocker.save_if_unchanged_since(version)
    if people is not None:
        blocker.people.set(people)
    # One entry per person it names, so each person's audit trail shows the blocker.
    person_ids = list(blocker.people.values_list("pk", flat=True)) or [None]
    for person_id in person_ids:
        audit.record(actor, operation, blocker, person_id=person_id, changes={"resolved_on": blocker.resolved_on})
    return blocker


@transaction.atomic
def save_case_study(actor, case_study, version: int = 0):
    """Add a case study, or save changes to one unless someone else saved it since `version`."""
    if not case_study.service_id:
        case_study.service = actor.service
    changes = {"consent_recorded": case_study.consent_recorded}
    return _save(actor, case_study, case_study.person_id, changes, version)
