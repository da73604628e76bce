"""Where a request came from, for the audit log and for the failed-login lockout (AXES_CLIENT_IP_CALLABLE).

X-Forwarded-For is written by whoever sends the request, so it is believed only when the request
arrives from a proxy that settings.TRUSTED_PROXY_ADDRESSES names; then the client is the right-most
address in it that is not another trusted proxy (anything left of that could be forged).
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    trusted = set(settings.TRUSTED_PROXY_ADDRESSES)
    if remote not in trusted:
        return remote
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(forwarded):
        if hop and hop not in trusted:
            return hop if _is_address(hop) else remote
    return remote


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
