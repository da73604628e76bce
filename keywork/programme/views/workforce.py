from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.assurance.rules import LAPSE_WARNING_DAYS, lapsing
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.forms import AssuranceForm, PostForm, PostHoldingForm, WorkforceDayForm
from keywork.programme.models import Post
from keywork.programme.workforce import workforce_on
from keywork.register.access import scoped


@permission_required(Permission.MANAGE_WORKFORCE)
def workforce(request):
    today = timezone.localdate()
    day_form = WorkforceDayForm(request.GET or None)
    day = (day_form.cleaned_data["on"] if day_form.is_valid() else None) or today
    posts = scoped(request, Post).prefetch_related("holdings")
    return render(
        request,
        "programme/workforce.jinja",
        {
            "page_title": "Workforce",
            "day": day,
            "day_form": day_form,
            "summary": workforce_on(request.service, day),
            "posts": posts,
            "lapsing": lapsing(request.service, today),
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
        "Record a registration, check, training or supervision",
    )
