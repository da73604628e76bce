from django.shortcuts import get_object_or_404, render

from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.forms import FeedbackForm, FoiForm
from keywork.programme.models import Feedback, FoiRequest
from keywork.register.access import scoped


@permission_required(Permission.MANAGE_FEEDBACK)
def feedback(request):
    return render(
        request,
        "programme/feedback.jinja",
        {
            "page_title": "Complaints, compliments and FOI requests",
            "feedback": scoped(request, Feedback),
            "foi_requests": scoped(request, FoiRequest),
        },
    )


@permission_required(Permission.MANAGE_FEEDBACK)
def edit_feedback(request, feedback_id=None):
    record = get_object_or_404(scoped(request, Feedback), pk=feedback_id) if feedback_id else None
    form = FeedbackForm(request.POST or None, instance=record, service=request.service)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:feedback",
        "Saved",
        "Complaint or compliment",
    )


@permission_required(Permission.MANAGE_FEEDBACK)
def edit_foi(request, foi_id=None):
    record = get_object_or_404(scoped(request, FoiRequest), pk=foi_id) if foi_id else None
    form = FoiForm(request.POST or None, instance=record or FoiRequest(service=request.service))
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:feedback",
        "Saved",
        "Freedom of Information request",
    )
