"""The idle timeout's "Stay signed in" (keywork/static/idle.js): any request by the signed-in user
refreshes their activity (IdleTimeoutMiddleware); this one answers how long the session now has."""

from django.http import JsonResponse
from django.views.decorators.http import require_POST


@require_POST
def keep_alive(request):
    return JsonResponse({"seconds_left": request.idle_seconds_left})
