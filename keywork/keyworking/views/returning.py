"""Going back where the user came from: a `next` parameter, kept only if it is a path on this site."""

from urllib.parse import urlencode

from django.utils.http import url_has_allowed_host_and_scheme


def next_path(request, default: str) -> str:
    """The `next` path posted or asked for, or `default`: never another host (an open redirect)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    on_this_site = candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts=None, require_https=request.is_secure()
    )
    return candidate if on_this_site else default


def with_next(url: str, next_url: str) -> str:
    """`url` with `next` in its query, so the page it leads to returns to `next_url`."""
    return f"{url}?{urlencode({'next': next_url})}"
