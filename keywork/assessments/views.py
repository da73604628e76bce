from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.assessments import operations
from keywork.assessments.forms import AssessmentForm
from keywork.assessments.models import Assessment
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request
from keywork.register.record_pages import person_url
from keywork.reviews.files import report_download
from keywork.reviews.forms import ActionForm
from keywork.reviews.operations import save_action

SECTION = ("reviews", "assessments")


@permission_required(Permission.RECORD_ASSESSMENT)
def add_assessment(request, person_id):
    person = person_for_request(request, person_id)
    form = AssessmentForm(
        request.POST or None, request.FILES or None, person=person, initial={"assessed_on": timezone.localdate()}
    )
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_assessment(actor, f.instance),
        lambda f: f"{f.instance.name} recorded",
        "Record an assessment",
        person=person,
        back_url=person_url(person, *SECTION),
    )


@permission_required(Permission.RECORD_ASSESSMENT)
def edit_assessment(request, specialist_assessment_id):
    assessment = record_for_request(request, Assessment, specialist_assessment_id)
    form = AssessmentForm(request.POST or None, request.FILES or None, person=assessment.person, instance=assessment)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_assessment(actor, f.instance, f.cleaned_data["version"] or 0),
        lambda f: f"{f.instance.name} saved",
        "Change the assessment",
        done_url=assessment.get_absolute_url(),
        person=assessment.person,
    )


@permission_required(Permission.VIEW_PEOPLE)
def assessment(request, specialist_assessment_id):
    """One assessment, with its recommendations as actions (the reading audited by record_for_request)."""
    found = record_for_request(request, Assessment, specialist_assessment_id)
    context = {
        "page_title": str(found),
        "assessment": found,
        "person": found.person,
        "actions": found.actions.for_lists(),
        "back_url": person_url(found.person, *SECTION),
        "may_record": has_permission(request.user, Permission.RECORD_ASSESSMENT),
        "may_update_actions": has_permission(request.user, Permission.RECORD_REVIEW),
    }
    return render(request, "assessments/assessment.jinja", context)


@permission_required(Permission.VIEW_PEOPLE)
def download_report(request, specialist_assessment_id):
    """Only people who may see the person get the report, and each download is audited."""
    return report_download(request, record_for_request(request, Assessment, specialist_assessment_id), "assessment")


@permission_required(Permission.RECORD_ASSESSMENT)
def add_action(request, specialist_assessment_id):
    found = record_for_request(request, Assessment, specialist_assessment_id)
    form = ActionForm(request.POST or None, source=found)
    return handle_form(
        request,
        form,
        lambda actor, f: save_action(actor, f.instance),
        "Action added",
        "Add a recommendation as an action",
        done_url=found.get_absolute_url(),
        person=found.person,
    )
