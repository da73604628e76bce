from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.register.access import (
    paged,
    person_for_request,
    query_without_page,
    record_for_request,
    scoped,
)
from keywork.register.record_pages import person_url
from keywork.reviews import operations
from keywork.reviews.files import report_download
from keywork.reviews.forms import ActionForm, ActionProgressForm, LaepForm, ReviewForm
from keywork.reviews.models import Action, Review


@permission_required(Permission.RECORD_REVIEW)
def add_review(request, person_id):
    person = person_for_request(request, person_id)
    form = ReviewForm(
        request.POST or None, request.FILES or None, person=person, initial={"requested_on": timezone.localdate()}
    )
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_review(actor, f.instance).person,
        "Review recorded",
        "Record a C(E)TR",
        done_url=person_url(person, "reviews", "reviews"),
        person=person,
    )


@permission_required(Permission.RECORD_REVIEW)
def add_laep(request, person_id):
    """An LAEP meeting, held when admission cannot wait for a community C(E)TR; recorded by whoever may record one."""
    person = person_for_request(request, person_id)
    form = LaepForm(request.POST or None, person=person, initial={"held_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_review(actor, f.instance).person,
        "LAEP meeting recorded",
        "Record a Local Area Emergency Protocol (LAEP) meeting",
        done_url=person_url(person, "reviews", "reviews"),
        person=person,
    )


@permission_required(Permission.RECORD_REVIEW)
def edit_review(request, review_id):
    review = record_for_request(request, Review, review_id)
    if review.is_laep:
        form = LaepForm(request.POST or None, person=review.person, instance=review)
    else:
        form = ReviewForm(request.POST or None, request.FILES or None, person=review.person, instance=review)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_review(actor, f.instance, f.cleaned_data["version"]).person,
        "LAEP meeting updated" if review.is_laep else "Review updated",
        "Update the LAEP meeting" if review.is_laep else "Update the review",
        done_url=person_url(review.person, "reviews", f"review-{review.pk}"),
        person=review.person,
    )


@permission_required(Permission.VIEW_PEOPLE)
def download_report(request, review_id):
    """Only people who may see the person get the report, and each download is audited."""
    return report_download(request, record_for_request(request, Review, review_id), "review")


@permission_required(Permission.RECORD_REVIEW)
def add_action(request, review_id):
    review = record_for_request(request, Review, review_id)
    form = ActionForm(request.POST or None, source=review)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_action(actor, f.instance).person,
        "Action added",
        "Add a recommendation as an action",
        done_url=person_url(review.person, "reviews", f"review-{review.pk}"),
        person=review.person,
    )


@permission_required(Permission.RECORD_REVIEW)
def update_action(request, action_id):
    action = record_for_request(request, Action, action_id)
    form = ActionProgressForm(request.POST or None, instance=action)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_action(actor, f.instance, f.cleaned_data["version"]).person,
        "Action updated",
        "Update the action",
        done_url=person_url(action.person, "reviews", "reviews"),
        person=action.person,
    )


@permission_required(Permission.VIEW_PEOPLE)
def open_actions(request):
    page = paged(request, scoped(request, Action).open().for_lists(), what="open actions")
    return render(
        request,
        "reviews/actions.jinja",
        {
            "page_title": "Open actions",
            "actions": page,
            "query": query_without_page(request),
            "today": timezone.localdate(),
        },
    )
