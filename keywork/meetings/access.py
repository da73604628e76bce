"""Reaching a meeting and its agenda from a page or an API route, through register.access: another
service's meeting is not found (404), as is a person not on the meeting's agenda."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from keywork.meetings.models import AgendaItem, Decision, Meeting
from keywork.register.access import scoped


def meeting_for_request(request, meeting_id: int) -> Meeting:
    """A meeting of the request's service; another service's is not found (404)."""
    return get_object_or_404(scoped(request, Meeting).select_related("chair", "service"), pk=meeting_id)


def agenda_item_for_request(request, meeting, person_id: int) -> AgendaItem:
    try:
        return scoped(request, AgendaItem, person_id).select_related("person").get(meeting=meeting)
    except AgendaItem.DoesNotExist:
        raise Http404("This person is not on the meeting's agenda") from None


def decision_for_request(request, meeting, person) -> Decision:
    """The person's decision at the meeting so far, or a new one: saving it again updates it."""
    found = scoped(request, Decision, person.pk).filter(meeting=meeting).select_related("rating_change").first()
    return found or Decision(meeting=meeting, person=person)
