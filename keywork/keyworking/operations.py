"""Every change to keyworking records, each audited, in one transaction. Pages and the API call these."""

import datetime

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation
from keywork.audit.saving import save_new_version


def _record(actor, operation, obj, person, changes=None):
    audit.record(actor, operation, obj, person_id=person.pk if person else None, changes=changes)


@transaction.atomic
def record_referral(actor, person, referral):
    referral.person, referral.recorded_by = person, actor.user
    referral.save()
    _record(actor, Operation.CREATE, referral, person, {"received_on": referral.received_on})
    return referral


@transaction.atomic
def decide_referral(actor, referral, version: int):
    """Save the decision, unless someone else saved the referral since `version` was read."""
    referral.decided_by = actor.user
    referral.save_if_unchanged_since(version)
    _record(actor, Operation.UPDATE, referral, referral.person, {"decision": referral.decision})
    return referral


@transaction.atomic
def close_keywork(actor, referral, version: int):
    """End keywork: the referral closes and every current allocation ends on the closing date.
    The person stays on the register unless removed separately. Refused if someone else saved the
    referral since `version` was read."""
    referral.save_if_unchanged_since(version)
    for allocation in referral.person.allocations.current(referral.closed_on):
        end_allocation(actor, allocation, referral.closed_on, referral.get_closing_reason_display())
    _record(actor, Operation.UPDATE, referral, referral.person, {"closed_on": referral.closed_on})
    return referral


@transaction.atomic
def allocate(actor, allocation):
    """Allocate a worker; a reallocation ends the previous worker's allocation the day before."""
    replaced = allocation.replaces()
    if replaced:
        end_allocation(actor, replaced, allocation.starts_on - datetime.timedelta(days=1), allocation.reason)
    allocation.recorded_by = actor.user
    allocation.save()
    changes = {"worker": allocation.worker.username}
    if allocation.assurance_override_reason:
        # Who overrode which lapsed item, and why, stays in the audit log whatever later edits do.
        changes["assurance_override"] = {
            "lapsed": [item.get_kind_display() for item in allocation.lapsed_assurance()],
            "reason": allocation.assurance_override_reason,
        }
    _record(actor, Operation.CREATE, allocation, allocation.person, changes)
    return allocation


def end_allocation(actor, allocation, ends_on, reason):
    allocation.ends_on, allocation.end_reason = ends_on, reason
    allocation.save(update_fields=["ends_on", "end_reason"])
    _record(actor, Operation.UPDATE, allocation, allocation.person, {"ends_on": ends_on})


@transaction.atomic
def add_professional(actor, professional):
    professional.service = actor.service
    professional.save()
    _record(actor, Operation.CREATE, professional, None)
    return professional


@transaction.atomic
def add_involvement(actor, involvement):
    involvement.save()
    _record(actor, Operation.CREATE, involvement, involvement.person, {"professional": involvement.professional_id})
    return involvement


@transaction.atomic
def record_contact(actor, contact, workers, professionals, follow_ups):
    contact.recorded_by = actor.user
    contact.save()
    contact.workers.set(workers)
    contact.professionals.set(professionals)
    for follow_up in follow_ups:
        follow_up.contact, follow_up.person = contact, contact.person
        follow_up.save()
    _record(actor, Operation.CREATE, contact, contact.person, {"follow_ups": len(follow_ups)})
    return contact


@transaction.atomic
def complete_follow_up(actor, follow_up, done_on):
    follow_up.done_on = done_on
    follow_up.save(update_fields=["done_on"])
    _record(actor, Operation.UPDATE, follow_up, follow_up.person, {"done_on": done_on})


def save_plan(actor, person, plan, based_on_version: int):
    """Save a new version of the plan, unless someone saved one since `based_on_version` was read."""
    return save_new_version(actor, person, plan, person.support_plans, based_on_version)


@transaction.atomic
def record_escalation(actor, escalation):
    escalation.raised_by = actor.user
    escalation.save()
    _record(actor, Operation.CREATE, escalation, escalation.person, {"escalated_to": escalation.escalated_to})
    return escalation


@transaction.atomic
def update_escalation(actor, escalation, version: int):
    """Save a response or resolution, unless someone else saved the escalation since `version`."""
    escalation.save_if_unchanged_since(version)
    _record(
        actor,
        Operation.UPDATE,
        escalation,
        escalation.person,
        {
            "responded_on": escalation.responded_on,
            "resolved_on": escalation.resolved_on,
        },
    )
    return escalation
