"""The idle timeout's pages: "Stay signed in" of its warning (keywork/static/idle.js), and the
service's own timeout for its administrators."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from keywork.accounts.middleware import minutes_in_words
from keywork.accounts.models import service_setting_changed
from keywork.accounts.permissions import Permission, permission_required
from keywork.accounts.session_forms import IdleTimeoutForm


@require_POST
def keep_alive(request):
    """Any request by the signed-in user refreshes their activity (IdleTimeoutMiddleware); this
    one answers how long the session now has."""
    return JsonResponse({"seconds_left": request.idle_seconds_left})


@permission_required(Permission.MANAGE_SIGN_IN)
def idle_timeout(request):
    form = IdleTimeoutForm(request.POST or None, instance=request.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        if changes:
            service_setting_changed.send(
                sender=type(form.instance), request=request, record=form.instance, changes=changes
            )
        idle = minutes_in_words(form.instance.idle_timeout_minutes)
        messages.success(request, f"Users of {request.service.name} are now signed out after {idle} without activity")
        return redirect("idle_timeout")
    return render(
        request,
        "accounts/idle_timeout.jinja",
        {"form": form, "page_title": "Signing out inactive users", "submit_text": "Save"},
    )
