import logging

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed, PermissionDenied
from django.http import Http404
from django.urls import Resolver404, get_resolver, resolve

logger = logging.getLogger("django.request")


class ServiceErrorPagesInDemoMiddleware:
    """The demo shows the service's own 403, 404 and 500 pages, as production does.

    The demo runs with DEBUG on, where Django answers a missing page or a crash with its debug
    pages instead (an address it cannot match, before any view runs; an exception from a view).
    Someone trying the demo should see what a user would see; a crash's traceback still goes to
    the console.
    """

    def __init__(self, get_response):
        if not settings.DEMO:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        try:
            resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404 as exception:
            return error_page(request, 404, exception)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            return error_page(request, 404, exception)
        if isinstance(exception, PermissionDenied):
            return error_page(request, 403, exception)
        logger.error("Internal Server Error: %s", request.path, exc_info=exception)
        return error_page(request, 500)


def error_page(request, status: int, exception=None):
    """The page the project's handler404, handler403 or handler500 (keywork/urls.py) shows."""
    handler = get_resolver(getattr(request, "urlconf", None)).resolve_error_handler(status)
    return handler(request) if status == 500 else handler(request, exception)
