from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.assurance.rules import LAPSE_WARNING_DAYS
from keywork.pages import handle_form
from keywork.presenters import number
from keywork.programme import operations
from keywork.programme.forms import AssuranceForm, FullTimeWeekForm, PostForm, PostHoldingForm, WorkforceDayForm
from keywork.programme.models import Employer, Post
from keywork.programme.workforce import workforce_on
from keywork.register.access import scoped
from keywork.supervision.rules import lapsing_and_due


@permission_required(Permission.MANAGE_WORKFORCE)
def workforce(request):
    today = timezone.localdate()
    day_form = WorkforceDayForm(request.GET or None)
    day = (day_form.cleaned_data["on"] if day_form.is_valid() else None) or today
    posts = scoped(request, Post).with_full_time_hours().prefetch_related("holdings")
    return render(
        request,
        "programme/workforce.jinja",
        {
            "page_title": "Workforce",
            "day": day,
            "day_form": day_form,
            "summary": workforce_on(request.service, day),
            "posts": posts,
            "employers": scoped(request, Employer),
            "may_set_full_time_week": has_permission(request.user, Permission.MANAGE_PROGRAMME),
            "lapsing": lapsing_and_due(request.service, today),
            "warning_days": LAPSE_WARNING_DAYS,
            "today": today,
        },
    )


@permission_required(Permission.MANAGE_WORKFORCE)
def add_post(request):
    form = PostForm(request.POST or None, instance=Post(service=request.service))
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:workforce",
        "Post added",
        "Add a post",
    )


@permission_required(Permission.MANAGE_WORKFORCE)
def fill_post(request, post_id):
    post = get_object_or_404(scoped(request, Post), pk=post_id)
    form = PostHoldingForm(request.POST or None, post=post, initial={"wte": post.wte})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:workforce",
        "Post filled",
        f"Fill the post: {post.title}",
    )


@permission_required(Permission.MANAGE_WORKFORCE)
def add_assurance(request):
    form = AssuranceForm(request.POST or None, service=request.service)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:workforce",
        "Recorded",
        "Record a registration, check or training",
    )


# The lead runs the programme and its budget (domain.md), so sets the terms WTE is counted on.
@permission_required(Permission.MANAGE_PROGRAMME)
def full_time_week(request):
    form = FullTimeWeekForm(request.POST or None, service=request.service)
    if request.method == "POST" and form.is_valid():
        employer, hours = form.cleaned_data["employer"], form.cleaned_data["full_time_hours"]
        operations.set_full_time_week(audit.Actor.from_request(request), employer, hours)
        messages.success(request, f"A full-time week at {employer.name} is now {number(hours)} hours")
        return redirect("programme:workforce")
    context = {"form": form, "page_title": "Full-time week", "employers": scoped(request, Employer)}
    return render(request, "programme/full_time_week.jinja", context)
