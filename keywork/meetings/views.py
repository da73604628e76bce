from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render

from keywork import audit, pdf
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import Operation
from keywork.decisionsupport.meeting import latest_suggestion
from keywork.meetings import minutes, minutes_docx, operations
from keywork.meetings.access import agenda_item_for_request, decision_for_request, meeting_for_request
from keywork.meetings.forms import AgendaPersonForm, DecisionForm, MeetingForm
from keywork.meetings.models import AgendaItem, Meeting
from keywork.pages import handle_form
from keywork.register.access import listed, paged, people_for, person_for_request, query_without_page, scoped
from keywork.register.rules import normalise_nhs_number


@permission_required(Permission.VIEW_MEETINGS)
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
            "may_see_people": has_permission(request.user, Permission.VIEW_PEOPLE),
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


@permission_required(Permission.RECORD_REVIEW)
def decision(request, meeting_id, person_id):
    """One person's screen: save the decision, or take them off (or put them back on) the agenda."""
    meeting = meeting_for_request(request, meeting_id)
    person = person_for_request(request, person_id)
    item = agenda_item_for_request(request, meeting, person.pk)
    if request.method == "POST" and request.POST.get("agenda") in ("remove", "restore"):
        return _change_agenda(request, meeting, item)
    decided = decision_for_request(request, meeting, person)
    existing = decided if decided.pk else None
    rating = decided.rating_change
    form = DecisionForm(
        request.POST or None,
        meeting=meeting,
        person=person,
        instance=decided,
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
        suggestion=latest_suggestion(person),
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


def _pdf(content, author: str) -> bytes:
    return pdf.render("meetings/minutes_pdf.jinja", {"minutes": content, "title": content.title, "author": author})


# Each format of the minutes: its renderer and media type.
FORMATS = {
    "pdf": (_pdf, "application/pdf"),
    "docx": (minutes_docx.render, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def _minutes(request, meeting_id, version: str, file_format: str):
    """One download of the minutes, audited with its version and format, and against each person in it."""
    meeting = meeting_for_request(request, meeting_id)
    named = frozenset()
    if version == minutes.FULL:
        named = frozenset(people_for(request).filter(dsr_agenda_items__meeting=meeting).values_list("pk", flat=True))
    content = minutes.minutes_of(meeting, version, named)
    actor = audit.Actor.from_request(request)
    audit.record(actor, Operation.EXPORT, meeting, changes={"minutes": version, "format": file_format})
    audit.record_many(actor, Operation.EXPORT, content.people)
    render, media_type = FORMATS[file_format]
    response = HttpResponse(render(content, request.service.name), content_type=media_type)
    name = f"dsr-meeting-{meeting.held_on}-{version}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required(Permission.VIEW_PEOPLE)
def minutes_full(request, meeting_id):
    """Naming the people the reader may see the records of (minutes.py)."""
    return _minutes(request, meeting_id, minutes.FULL, "pdf")


@permission_required(Permission.VIEW_PEOPLE)
def minutes_full_docx(request, meeting_id):
    return _minutes(request, meeting_id, minutes.FULL, "docx")


@permission_required(Permission.VIEW_MEETINGS)
def minutes_initials(request, meeting_id):
    """Naming nobody: for wider partners, and for those who may see meetings but not people's records."""
    return _minutes(request, meeting_id, minutes.INITIALS, "pdf")


@permission_required(Permission.VIEW_MEETINGS)
def minutes_initials_docx(request, meeting_id):
    return _minutes(request, meeting_id, minutes.INITIALS, "docx")
