from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from keywork import audit, pdf
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import Operation
from keywork.meetings import minutes, operations
from keywork.meetings.forms import AgendaPersonForm, DecisionForm, MeetingForm
from keywork.meetings.models import AgendaItem, Decision, Meeting
from keywork.pages import handle_form
from keywork.register.access import listed, paged, people_for, person_for_request, query_without_page, scoped
from keywork.register.rules import normalise_nhs_number


def meeting_for_request(request, meeting_id: int) -> Meeting:
    """A meeting of the request's service; another service's is not found (404)."""
    return get_object_or_404(scoped(request, Meeting).select_related("chair"), pk=meeting_id)


@permission_required(Permission.VIEW_PEOPLE)
def meeting_list(request):
    page = paged(request, scoped(request, Meeting).select_related("chair"), what="DSR meetings", people_of=lambda m: [])
    return render(
        request,
        "meetings/list.jinja",
        {
            "page_title": "DSR meetings",
            "meetings": page,
            "query": query_without_page(request),
            "may_record": has_permission(request.user, Permission.RECORD_REVIEW),
        },
    )


@permission_required(Permission.RECORD_REVIEW)
def add_meeting(request):
    form = MeetingForm(request.POST or None, service=request.service, initial={"chair": request.user})

    def save(actor, form):
        operations.open_meeting(actor, form.instance, form.attendees())
        return form.instance

    return handle_form(request, form, save, "Meeting set up and its agenda built", "Set up a DSR meeting")


@permission_required(Permission.VIEW_PEOPLE)
def meeting(request, meeting_id):
    meeting = meeting_for_request(request, meeting_id)
    items = listed(
        request,
        list(scoped(request, AgendaItem).filter(meeting=meeting).select_related("person")),
        what=f"agenda of the {meeting}",
    )
    decided = set(meeting.decisions.values_list("person_id", flat=True))
    return render(
        request,
        "meetings/meeting.jinja",
        {
            "page_title": str(meeting),
            "meeting": meeting,
            "attendees": meeting.attendees.select_related("staff"),
            "on_agenda": [item for item in items if not item.removed],
            "taken_off": [item for item in items if item.removed],
            "decided": decided,
            "may_record": has_permission(request.user, Permission.RECORD_REVIEW),
        },
    )


def _agenda_item(request, meeting, person_id) -> AgendaItem:
    try:
        return scoped(request, AgendaItem, person_id).select_related("person").get(meeting=meeting)
    except AgendaItem.DoesNotExist:
        raise Http404("This person is not on the meeting's agenda") from None


@permission_required(Permission.RECORD_REVIEW)
def decision(request, meeting_id, person_id):
    """One person's screen: save the decision, or take them off (or put them back on) the agenda."""
    meeting = meeting_for_request(request, meeting_id)
    person = person_for_request(request, person_id)
    item = _agenda_item(request, meeting, person.pk)
    if request.method == "POST" and request.POST.get("agenda") in ("remove", "restore"):
        return _change_agenda(request, meeting, item)
    existing = scoped(request, Decision, person.pk).filter(meeting=meeting).select_related("rating_change").first()
    rating = existing.rating_change if existing and existing.rating_change else None
    form = DecisionForm(
        request.POST or None,
        meeting=meeting,
        person=person,
        instance=existing,
        initial={
            "rating": (rating.rating if rating else person.rating),
            "risk_factors": rating.risk_factors if rating else [],
            "rating_reason": rating.reason if rating else "",
        },
    )
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_decision(actor, f.instance, f.rating_change, f.action),
        f"Decision for {person.full_name} saved",
        f"{person.full_name}: {meeting}",
        done_url=meeting.get_absolute_url(),
        template="meetings/decision.jinja",
        person=person,
        meeting=meeting,
        item=item,
        actions=existing.actions.select_related("owner_staff") if existing else [],
        decided=existing,
    )


def _change_agenda(request, meeting, item):
    actor = audit.Actor.from_request(request)
    try:
        if request.POST["agenda"] == "remove":
            operations.take_off_agenda(actor, item)
            messages.success(request, f"{item.person.full_name} taken off the agenda")
        else:
            operations.add_to_agenda(actor, meeting, item.person)
            messages.success(request, f"{item.person.full_name} put back on the agenda")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(meeting)


@permission_required(Permission.RECORD_REVIEW)
def add_person(request, meeting_id):
    meeting = meeting_for_request(request, meeting_id)
    form = AgendaPersonForm(request.POST or None)

    def save(actor, form):
        number = normalise_nhs_number(form.cleaned_data["nhs_number"])
        person = people_for(request).filter(nhs_number=number).first()
        if person is None:
            raise ValidationError({"nhs_number": "Nobody with this NHS number is on your service's register"})
        operations.add_to_agenda(actor, meeting, person)
        return meeting

    return handle_form(
        request,
        form,
        save,
        "Person added to the agenda",
        "Add a person to the agenda",
        done_url=meeting.get_absolute_url(),
        template="meetings/form.jinja",
        meeting=meeting,
    )


@permission_required(Permission.RECORD_REVIEW)
def close(request, meeting_id):
    meeting = meeting_for_request(request, meeting_id)
    if request.method == "POST":
        try:
            operations.close_meeting(audit.Actor.from_request(request), meeting)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        except PermissionDenied as error:
            messages.error(request, str(error))
        else:
            messages.success(request, "Meeting closed")
        return redirect(meeting)
    return render(request, "meetings/close.jinja", {"page_title": "Close the meeting", "meeting": meeting})


def _minutes(request, meeting_id, with_names: bool):
    meeting = meeting_for_request(request, meeting_id)
    content = minutes.minutes_of(meeting, scoped(request, AgendaItem), scoped(request, Decision), with_names=with_names)
    version = "full" if with_names else "initials"
    audit.record(audit.Actor.from_request(request), Operation.EXPORT, meeting, changes={"minutes": version})
    audit.record_many(audit.Actor.from_request(request), Operation.EXPORT, content.people)
    body = pdf.render(
        "meetings/minutes_pdf.jinja", {"minutes": content, "title": content.title, "author": request.service.name}
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="dsr-meeting-{meeting.held_on}-{version}.pdf"'
    return response


@permission_required(Permission.VIEW_PEOPLE)
def minutes_full(request, meeting_id):
    """Naming people: for those entitled to see their records."""
    return _minutes(request, meeting_id, with_names=True)


@permission_required(Permission.VIEW_PEOPLE)
def minutes_initials(request, meeting_id):
    """People by their initials only: for wider partners."""
    return _minutes(request, meeting_id, with_names=False)
