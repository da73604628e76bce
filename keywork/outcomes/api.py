"""Outcomes and system-learning API routes: the same permissions, rules, operations and audit as
the pages. Rules run through the model's full_clean, so errors name the field."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking.models import Referral
from keywork.locking import StaleRecordOut
from keywork.outcomes import operations
from keywork.outcomes.figures import blocker_figures
from keywork.outcomes.models import (
    BehaviourRecord,
    CaseStudy,
    ClosingOutcome,
    FamilyMeasure,
    Goal,
    GoalRating,
    SystemBlocker,
)
from keywork.outcomes.schemas import (
    BehaviourRecordIn,
    BehaviourRecordOut,
    BlockerFigures,
    BlockerIn,
    BlockerOut,
    BlockerResolve,
    CaseStudyIn,
    CaseStudyOut,
    ClosingOutcomeIn,
    ClosingOutcomeOut,
    FamilyMeasureIn,
    FamilyMeasureOut,
    GoalIn,
    GoalOut,
    GoalRatingIn,
    GoalRatingOut,
)
from keywork.register.access import listed, people_for, person_for_request, record_for_request, scoped
from keywork.schemas import LARGEST_ID, Page

router = Router(tags=["Outcomes and system learning"])


def _created(request, record, save, exclude=("recorded_by",)):
    record.full_clean(exclude=list(exclude))
    return Status(201, save(audit.Actor.from_request(request), record))


@router.get("/goals", response=list[GoalOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_goals(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, Goal, person_id).prefetch_related("ratings")), what="goals")


@router.post("/goals", response={201: GoalOut})
@permission_required(Permission.RECORD_OUTCOMES)
def add_goal(request, payload: GoalIn):
    person = person_for_request(request, payload.person_id)
    return _created(request, Goal(person=person, **payload.dict(exclude={"person_id"})), operations.save_goal)


@router.post("/goals/{int:goal_id}/ratings", response={201: GoalRatingOut})
@permission_required(Permission.RECORD_OUTCOMES)
def rate_goal(request, goal_id: int, payload: GoalRatingIn):
    goal = record_for_request(request, Goal, goal_id)
    return _created(request, GoalRating(goal=goal, **payload.dict()), operations.rate_goal)


@router.get("/behaviour-records", response=list[BehaviourRecordOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_behaviour_records(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, BehaviourRecord, person_id)), what="behaviour records")


@router.post("/behaviour-records", response={201: BehaviourRecordOut})
@permission_required(Permission.RECORD_OUTCOMES)
def add_behaviour_record(request, payload: BehaviourRecordIn):
    person = person_for_request(request, payload.person_id)
    record = BehaviourRecord(person=person, **payload.dict(exclude={"person_id"}))
    return _created(request, record, operations.save_behaviour_record)


@router.get("/family-measures", response=list[FamilyMeasureOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_family_measures(request, page: Query[Page], person_id: int | None = None):
    return listed(request, page.of(scoped(request, FamilyMeasure, person_id)), what="family measures")


@router.post("/family-measures", response={201: FamilyMeasureOut})
@permission_required(Permission.RECORD_OUTCOMES)
def add_family_measure(request, payload: FamilyMeasureIn):
    person = person_for_request(request, payload.person_id)
    measure = FamilyMeasure(person=person, **payload.dict(exclude={"person_id"}))
    return _created(request, measure, operations.save_family_measure)


@router.put("/referrals/{int:referral_id}/closing-outcome", response={200: ClosingOutcomeOut, 409: StaleRecordOut})
@permission_required(Permission.RECORD_OUTCOMES)
def record_closing_outcome(request, referral_id: int, payload: ClosingOutcomeIn):
    """Record, or correct, the outcome of an accepted referral's keywork."""
    referral = record_for_request(request, Referral, referral_id)
    outcome = getattr(referral, "closing_outcome", None) or ClosingOutcome(referral=referral)
    for name, value in payload.dict(exclude={"version"}).items():
        setattr(outcome, name, value)
    outcome.full_clean(exclude=["recorded_by", "referral"])
    return operations.save_closing_outcome(audit.Actor.from_request(request), outcome, payload.version)


def _blockers_for(request, blockers):
    request.reachable_people = set(people_for(request).values_list("pk", flat=True))
    return blockers.prefetch_related("people")


def _people_named(request):
    """Who a blocker shows a reader: the people on it that the reader may reach (BlockerOut)."""
    return lambda blocker: [person.pk for person in blocker.people.all() if person.pk in request.reachable_people]


@router.get("/blockers", response=list[BlockerOut])
@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def list_blockers(request, page: Query[Page], open: bool = False):
    blockers = scoped(request, SystemBlocker)
    blockers = _blockers_for(request, blockers.filter(resolved_on__isnull=True) if open else blockers)
    return listed(request, page.of(blockers), what="system blockers", people_of=_people_named(request))


@router.get("/blockers/figures", response=BlockerFigures)
@permission_required(Permission.VIEW_AGGREGATES)
def blocker_figures_route(request):
    """Counts of the last twelve months' blockers: no names, no descriptions. As published (small
    numbers hidden, with the rule) for roles that may not see people, or with `counts=published`."""
    audience = audience_for(request)
    figures = blocker_figures(request.service, timezone.localdate(), audience.suppressed)
    tables = figures["tables"]
    return {
        "start": figures["start"],
        "end": figures["end"],
        "by_category": tables["category"].cells,
        "by_agency": tables["agency"].cells,
        "by_month": tables["month"].cells,
        "suppression_rule": audience.rule if audience.suppressed else None,
    }


@router.post("/blockers", response={201: BlockerOut})
@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def add_blocker(request, payload: BlockerIn):
    reachable = people_for(request)
    # An id no database row can have (2**70) names nobody: refused below, never sent to the query.
    people = list(reachable.filter(pk__in=[pk for pk in payload.person_ids if 0 < pk <= LARGEST_ID]))
    if len(people) != len(set(payload.person_ids)):
        raise ValidationError({"person_ids": ["Name only people on the register whom you may see"]})
    blocker = SystemBlocker(service=request.service, **payload.dict(exclude={"person_ids"}))
    blocker.full_clean(exclude=["recorded_by", "people"])
    operations.save_blocker(audit.Actor.from_request(request), blocker, people=people)
    return Status(201, _blockers_for(request, scoped(request, SystemBlocker).filter(pk=blocker.pk)).get())


@router.patch("/blockers/{int:blocker_id}", response={200: BlockerOut, 409: StaleRecordOut})
@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def resolve_blocker(request, blocker_id: int, payload: BlockerResolve):
    blocker = get_object_or_404(scoped(request, SystemBlocker), pk=blocker_id)
    blocker.resolved_on, blocker.resolution = payload.resolved_on, payload.resolution
    blocker.full_clean(exclude=["recorded_by", "people"])
    operations.save_blocker(audit.Actor.from_request(request), blocker, version=payload.version)
    return _blockers_for(request, scoped(request, SystemBlocker).filter(pk=blocker.pk)).get()


@router.get("/case-studies", response=list[CaseStudyOut])
@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def list_case_studies(request, page: Query[Page], usable_in_return: bool = False):
    studies = scoped(request, CaseStudy)
    studies = list(page.of(studies.filter(consent_recorded=True) if usable_in_return else studies))
    reachable = set(people_for(request).filter(pk__in=[s.person_id for s in studies]).values_list("pk", flat=True))
    for study in studies:
        if study.person_id not in reachable:
            study.person_id = None  # who a story is about is for those who may reach the person
    return listed(request, studies, what="case studies", people_of=lambda study: [study.person_id])


@router.post("/case-studies", response={201: CaseStudyOut})
@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def add_case_study(request, payload: CaseStudyIn):
    person = person_for_request(request, payload.person_id) if payload.person_id else None
    study = CaseStudy(service=request.service, person=person, **payload.dict(exclude={"person_id"}))
    return _created(request, study, operations.save_case_study)
