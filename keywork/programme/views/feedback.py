from django.shortcuts import get_object_or_404, render

from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.programme import operations
from keywork.programme.forms import FeedbackForm, FoiForm
from keywork.programme.models import Feedback, FoiRequest


@permission_required(Permission.MANAGE_FEEDBACK)
def feedback(request):
    return render(
        request,
        "programme/feedback.jinja",
        {
            "page_title": "Complaints, compliments and FOI requests",
            "feedback": Feedback.objects.filter(service=request.service),
            "foi_requests": FoiRequest.objects.filter(service=request.service),
        },
    )


@permission_required(Permission.MANAGE_FEEDBACK)
def edit_feedback(request, feedback_id=None):
    record = get_object_or_404(Feedback, pk=feedback_id, service=request.service) if feedback_id else None
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
    record = get_object_or_404(FoiRequest, pk=foi_id, service=request.service) if foi_id else None
    form = FoiForm(request.POST or None, instance=record or FoiRequest(service=request.service))
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save(actor, f.instance) and "programme:feedback",
        "Saved",
        "Freedom of Information request",
    )
