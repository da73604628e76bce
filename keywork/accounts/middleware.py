from django.contrib.auth.middleware import LoginRequiredMiddleware


class LoginRequiredExceptApiMiddleware(LoginRequiredMiddleware):
    """Pages need a logged-in user; the API authenticates by its own bearer tokens instead."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


SESSION_SERVICE_KEY = "service_id"


def service_for(user, chosen_id=None):
    """The service a user acts in: the one chosen (if they may act in it) or their own."""
    services = user.services_managed()
    for service in services:
        if service.pk == chosen_id:
            return service
    return services[0] if services else None


class CurrentServiceMiddleware:
    """Sets request.service, the one service every query of this request is scoped to."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.service = None
        if request.user.is_authenticated:
            request.service = service_for(request.user, request.session.get(SESSION_SERVICE_KEY))
        return self.get_response(request)
