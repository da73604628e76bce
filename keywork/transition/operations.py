"""Saving a transition plan, audited. Pages and the API call this after the plan's rules have been
checked (the ModelForm on pages, full_clean on the API)."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation


@transaction.atomic
def save(actor, plan, version: int = 0):
    """Save the plan and audit it; an edit only if nobody saved it since `version`."""
    operation = Operation.UPDATE if plan.pk else Operation.CREATE
    if plan.pk is None:
        plan.recorded_by = actor.user
    plan.save_if_unchanged_since(version)
    changes = {name: str(getattr(plan, name)) for name in plan.AUDITED}
    audit.record(actor, operation, plan, person_id=plan.person_id, changes=changes)
    return plan
