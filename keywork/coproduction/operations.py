"""Saving a co-production event and its links, audited, in one transaction. Pages and the API call this."""

from django.db import transaction

from keywork import audit
from keywork.audit.models import Operation

AUDITED = ("kind", "held_on", "parents_carers", "young_people", "professionals")


@transaction.atomic
def save_engagement(actor, engagement, milestones=(), risks=()):
    """Save the event (its rules already checked) linked to exactly `milestones` and `risks`."""
    operation = Operation.UPDATE if engagement.pk else Operation.CREATE
    if engagement.pk is None:
        engagement.recorded_by = actor.user
    engagement.save()
    engagement.milestones.set(milestones)
    engagement.risks.set(risks)
    changes = {name: str(getattr(engagement, name)) for name in AUDITED}
    changes |= {"milestones": sorted(m.pk for m in milestones), "risks": sorted(r.pk for r in risks)}
    audit.record(actor, operation, engagement, changes=changes)
    return engagement


def save_form(actor, form):
    return save_engagement(actor, form.instance, form.cleaned_data["milestones"], form.cleaned_data["risks"])
