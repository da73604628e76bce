"""The co-production log over the API, at /api/programme/coproduction: the same permissions, rules
(full_clean: errors name the field, nothing saved), audit and suppression of counts as the pages."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.coproduction import operations, rules
from keywork.coproduction.models import Engagement
from keywork.coproduction.schemas import EngagementIn, EngagementOut
from keywork.programme.models import Milestone, Risk
from keywork.register.access import scoped
from keywork.schemas import Page

router = Router(tags=["Co-production"])


def _out(engagement, audience) -> dict:
    counts = rules.attendance(engagement)
    hidden = False
    if audience.suppressed:
        published = rules.published_attendance(engagement, audience.threshold)
        counts, hidden = published.cells, published.any_suppressed
    return {
        "id": engagement.pk,
        "kind": engagement.kind,
        "title": engagement.title,
        "held_on": engagement.held_on,
        "parents_carers": counts["Parents and carers"],
        "young_people": counts["Young people"],
        "professionals": counts["Professionals"],
        "what_we_heard": engagement.what_we_heard,
        "what_changed": engagement.what_changed,
        "milestone_ids": [milestone.pk for milestone in engagement.milestones.all()],
        "risk_ids": [risk.pk for risk in engagement.risks.all()],
        "response_overdue": engagement.response_overdue,
        "suppression_rule": audience.rule if hidden else None,
    }


def _linked(request, model, ids: list[int], field: str) -> list:
    """The service's own milestones or risks named by `ids`; any other id is refused by field."""
    found = list(scoped(request, model).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError({field: f"No {model._meta.verbose_name} with one of these ids in your service"})
    return found


def _saved(request, engagement, payload: EngagementIn):
    for name, value in payload.dict(exclude={"milestone_ids", "risk_ids"}).items():
        setattr(engagement, name, value)
    milestones = _linked(request, Milestone, payload.milestone_ids, "milestone_ids")
    risks = _linked(request, Risk, payload.risk_ids, "risk_ids")
    engagement.full_clean(exclude=["recorded_by", "service"])
    saved = operations.save_engagement(audit.Actor.from_request(request), engagement, milestones, risks)
    return _out(saved, audience_for(request))


@router.get("/coproduction", response=list[EngagementOut])
@permission_required(Permission.VIEW_PROGRAMME)
def list_engagements(request, page: Query[Page]):
    audience = audience_for(request)
    engagements = scoped(request, Engagement).prefetch_related("milestones", "risks")
    return [_out(engagement, audience) for engagement in page.of(engagements)]


@router.get("/coproduction/{int:engagement_id}", response=EngagementOut)
@permission_required(Permission.VIEW_PROGRAMME)
def get_engagement(request, engagement_id: int):
    return _out(get_object_or_404(scoped(request, Engagement), pk=engagement_id), audience_for(request))


@router.post("/coproduction", response={201: EngagementOut})
@permission_required(Permission.RECORD_COPRODUCTION)
def add_engagement(request, payload: EngagementIn):
    return Status(201, _saved(request, Engagement(service=request.service), payload))


@router.put("/coproduction/{int:engagement_id}", response=EngagementOut)
@permission_required(Permission.RECORD_COPRODUCTION)
def change_engagement(request, engagement_id: int, payload: EngagementIn):
    return _saved(request, get_object_or_404(scoped(request, Engagement), pk=engagement_id), payload)
