"""Every change a DSR meeting makes, each audited, in one transaction. Pages call these.

A rating decided at the meeting goes through the register's own operation (register.operations),
so it is the same rating history entry as one recorded anywhere else, labelled with the meeting;
actions agreed go through the reviews app's, so they are on their owners' work lists."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from keywork import audit
from keywork.audit.models import Operation
from keywork.meetings.agenda import agenda_items
from keywork.meetings.choices import AgendaReason, MeetingStatus
from keywork.meetings.models import AgendaItem
from keywork.register import operations as register
from keywork.reviews import operations as reviews

CLOSED_MESSAGE = "This meeting has been closed: its decisions can no longer be changed"


@transaction.atomic
def open_meeting(actor, meeting, attendees) -> None:
    """Save the meeting and its attendees, and build its agenda as things stand today."""
    meeting.service, meeting.recorded_by = actor.service, actor.user
    meeting.save()
    for attendee in attendees:
        attendee.meeting = meeting
        attendee.save()
    listed = AgendaItem.objects.bulk_create(agenda_items(meeting))
    audit.record(actor, Operation.CREATE, meeting, changes={"held_on": meeting.held_on, "agenda": len(listed)})


def _refuse_if_closed(meeting) -> None:
    if not meeting.is_open:
        raise ValidationError(CLOSED_MESSAGE)


@transaction.atomic
def add_to_agenda(actor, meeting, person) -> AgendaItem:
    """The chair adds someone Keywork did not list (or puts back someone taken off)."""
    _refuse_if_closed(meeting)
    listed = {"rating_listed": person.rating}
    item, _ = AgendaItem.objects.get_or_create(meeting=meeting, person=person, defaults=listed)
    if AgendaReason.ADDED_BY_CHAIR not in item.reasons:
        item.reasons = [*item.reasons, AgendaReason.ADDED_BY_CHAIR.value]
    item.removed = False
    item.save()
    audit.record(actor, Operation.UPDATE, item, person_id=person.pk, changes={"on_agenda": True})
    return item


@transaction.atomic
def take_off_agenda(actor, item) -> AgendaItem:
    _refuse_if_closed(item.meeting)
    item.removed = True
    item.save(update_fields=["removed"])
    audit.record(actor, Operation.UPDATE, item, person_id=item.person_id, changes={"on_agenda": False})
    return item


def repeats(kept, proposed) -> bool:
    """The rating proposed says nothing new against the entry the decision already made: the same
    rating, reason and risk factors (in any order)."""
    return (kept.rating, kept.reason.strip(), sorted(kept.risk_factors)) == (
        proposed.rating,
        (proposed.reason or "").strip(),
        sorted(proposed.risk_factors or []),
    )


def _rating_entry(actor, decision, proposed):
    """The rating history entry the decision points at. The history is append-only, so saving the
    same decision again keeps its entry rather than adding a second; a rating changed on
    re-submission is a new entry, and the decision points at the newest."""
    kept = decision.rating_change
    if kept is not None and repeats(kept, proposed):
        return kept
    proposed.source_label = str(decision.meeting)
    proposed.source_url = reverse("meetings:decision", args=[decision.meeting_id, decision.person_id])
    return register.change_rating(actor, decision.person, proposed)


@transaction.atomic
def record_decision(actor, decision, rating_change, action=None):
    """Save what the meeting decided for one person, at once (a meeting left half way keeps it): the
    rating confirmed or changed, as a rating history entry made at the meeting; and an action."""
    meeting = decision.meeting
    _refuse_if_closed(meeting)
    decision.rating_change = _rating_entry(actor, decision, rating_change)
    decision.recorded_by = actor.user
    operation = Operation.UPDATE if decision.pk else Operation.CREATE
    decision.save()
    audit.record(
        actor,
        operation,
        decision,
        person_id=decision.person_id,
        changes={"meeting": meeting.pk, "rating_change": decision.rating_change.pk},
    )
    if action is not None:
        action.source = decision  # now saved, so the action points at it
        reviews.save_action(actor, action)
    return decision


@transaction.atomic
def close_meeting(actor, meeting) -> None:
    """Only the chair closes the meeting: until then anyone may go on recording its decisions."""
    _refuse_if_closed(meeting)
    if actor.user != meeting.chair:
        raise PermissionDenied(f"Only the chair, {meeting.chair.display_name}, can close the meeting")
    meeting.status, meeting.closed_at = MeetingStatus.CLOSED, timezone.now()
    meeting.save(update_fields=["status", "closed_at"])
    audit.record(actor, Operation.UPDATE, meeting, changes={"status": MeetingStatus.CLOSED})
