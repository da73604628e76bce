"""Synthetic DSR meetings for the demo: two past monthly meetings a service, closed, each with the
agenda Keywork would have built on the day and a decision for the first few people on it. Every
attendee from outside is made up."""

import datetime
import itertools

from django.utils import timezone

from keywork.meetings.agenda import agenda_items
from keywork.meetings.choices import MeetingStatus
from keywork.meetings.models import AgendaItem, Attendee, Decision, Meeting

OUTSIDE = [("Priya Shah", "Children's social care"), ("Tom Evans", "Special educational needs team")]
DECIDED = 4  # decisions recorded for the first few people on each agenda
DECISIONS = [
    "Rating confirmed; keyworker to follow up the support package with the family",
    "Rating confirmed; ask the community team for a positive behaviour support review",
    "Rating confirmed; discuss again at the next meeting",
]


def seed_meetings(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has meetings, so the demo can run again."""
    if Meeting.objects.filter(service=service).exists():
        return
    today = timezone.localdate()
    chair = users["manager"]
    for weeks_ago in (8, 4):
        held_on = today - datetime.timedelta(weeks=weeks_ago, days=seed)
        meeting = Meeting.objects.create(
            service=service,
            held_on=held_on,
            chair=chair,
            recorded_by=chair,
            status=MeetingStatus.CLOSED,
            closed_at=timezone.now(),
        )
        Attendee.objects.bulk_create(
            [Attendee(meeting=meeting, staff=chair), Attendee(meeting=meeting, staff=users["coordinator"])]
            + [Attendee(meeting=meeting, name=name, organisation=organisation) for name, organisation in OUTSIDE]
        )
        listed = AgendaItem.objects.bulk_create(agenda_items(meeting))
        Decision.objects.bulk_create(
            Decision(meeting=meeting, person_id=item.person_id, decision=text, recorded_by=chair)
            for item, text in zip(listed[:DECIDED], itertools.cycle(DECISIONS), strict=False)
        )
