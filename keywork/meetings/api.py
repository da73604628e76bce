"""DSR meetings over the API, at /api/meetings: the same permissions, rules, operations and audit as
the pages. A person's decision is saved (again) with PUT, as the page saves it on each submission."""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking.models import Professional
from keywork.meetings import operations
from keywork.meetings.access import agenda_item_for_request, decision_for_request, meeting_for_request
from keywork.meetings.models import AgendaItem, Decision, Meeting
from keywork.meetings.schemas import DecisionIn, DecisionOut, MeetingDetailOut, MeetingOut
from keywork.register.access import listed, person_for_request, scoped
from keywork.register.models import RatingChange
from keywork.reviews.models import Action, staff_who_may_own_actions
from keywork.schemas import Page

router = Router(tags=["DSR meetings"])

# The rating's own fields, as the request body names them.
RATING_FIELDS = {"reason": "rating_reason", "effective_on": "rating"}


@router.get("/meetings", response=list[MeetingOut])
@permission_required(Permission.VIEW_MEETINGS)
def list_meetings(request, page: Query[Page]):
    return page.of(scoped(request, Meeting).select_related("chair"))


@router.get("/meetings/{int:meeting_id}", response=MeetingDetailOut)
@permission_required(Permission.VIEW_PEOPLE)
def get_meeting(request, meeting_id: int):
    meeting = meeting_for_request(request, meeting_id)
    agenda = scoped(request, AgendaItem).filter(meeting=meeting).select_related("person")
    decisions = scoped(request, Decision).filter(meeting=meeting).select_related("rating_change")
    # The agenda and decisions this caller may reach (a keyworker: their own people), each listed and audited.
    return SimpleNamespace(
        **{name: getattr(meeting, name) for name in ("id", "held_on", "chair", "status", "closed_at")},
        attendees=list(meeting.attendees.select_related("staff")),
        agenda=listed(request, agenda, what=f"agenda of the {meeting}"),
        decisions=listed(
            request,
            decisions.prefetch_related("actions__owner_staff", "actions__owner_professional"),
            what=f"decisions of the {meeting}",
        ),
    )


def _action(request, decision, payload) -> Action | None:
    if payload is None:
        return None
    staff = professional = None
    # Owners from another service are not found, as on the form (which offers only this service's).
    if payload.owner_staff_id:
        staff = get_object_or_404(staff_who_may_own_actions(decision.meeting.service), pk=payload.owner_staff_id)
    if payload.owner_professional_id:
        professional = get_object_or_404(scoped(request, Professional), pk=payload.owner_professional_id)
    values = payload.dict(exclude={"owner_staff_id", "owner_professional_id"})
    return Action.raised_from(decision, owner_staff=staff, owner_professional=professional, **values)


def _validate(decision, change, action) -> None:
    """Every rule at once, each error named as in the request body; nothing is saved on any."""
    errors = {}
    checks = [
        (decision, {}, ["meeting", "person", "rating_change", "recorded_by"]),
        (change, RATING_FIELDS, ["person", "decided_by"]),
        (action, {}, ["source_type", "source_id"]),
    ]
    for record, names, exclude in checks:
        if record is None:
            continue
        try:
            record.full_clean(exclude=exclude)
        except ValidationError as error:
            prefix = "action." if record is action else ""
            for name, found in error.error_dict.items():
                errors.setdefault(f"{prefix}{names.get(name, name)}", []).extend(found)
    if errors:
        raise ValidationError(errors)


@router.put("/meetings/{int:meeting_id}/people/{int:person_id}/decision", response=DecisionOut)
@permission_required(Permission.RECORD_REVIEW)
def record_decision(request, meeting_id: int, person_id: int, payload: DecisionIn):
    meeting = meeting_for_request(request, meeting_id)
    person = person_for_request(request, person_id)
    agenda_item_for_request(request, meeting, person.pk)
    decision = decision_for_request(request, meeting, person)
    decision.decision = payload.decision
    change = RatingChange(
        person=person,
        rating=payload.rating,
        effective_on=meeting.held_on,
        reason=payload.rating_reason,
        risk_factors=[factor.value for factor in payload.risk_factors],
    )
    action = _action(request, decision, payload.action)
    _validate(decision, change, action)
    return operations.record_decision(audit.Actor.from_request(request), decision, change, action)


@router.post("/meetings/{int:meeting_id}/close", response=MeetingOut)
@permission_required(Permission.RECORD_REVIEW)
def close_meeting(request, meeting_id: int):
    """Only the meeting's chair may close it (403 for anyone else); a closed meeting refuses (422)."""
    meeting = meeting_for_request(request, meeting_id)
    operations.close_meeting(audit.Actor.from_request(request), meeting)
    return meeting
