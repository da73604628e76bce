"""API tokens of the service, for its administrators: who holds which, when each expires and was
last used, and revoking one. Another service's token is not found (404)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render

from keywork.accounts.models import ApiToken, TokenStatus
from keywork.accounts.permissions import Permission, permission_required

STATUS_TAG_CLASSES = {
    TokenStatus.ACTIVE: "nhsuk-tag--green",
    TokenStatus.EXPIRED: "nhsuk-tag--grey",
    TokenStatus.REVOKED: "nhsuk-tag--red",
}


def status_tag(token: ApiToken) -> dict:
    status = token.status
    return {"text": status.label, "classes": STATUS_TAG_CLASSES[status]}


@permission_required(Permission.MANAGE_SIGN_IN)
def token_list(request):
    tokens = ApiToken.of_service(request.service)
    return render(
        request,
        "accounts/tokens/list.jinja",
        {"page_title": "API tokens", "rows": [(token, status_tag(token)) for token in tokens]},
    )


@permission_required(Permission.MANAGE_SIGN_IN)
def revoke(request, token_id):
    token = get_object_or_404(ApiToken.of_service(request.service), pk=token_id)
    if request.method == "POST":
        if token.revoke(request=request):
            messages.success(request, f"The token ‘{token.name}’ of {token.user.display_name} is revoked")
        return redirect("api_tokens:list")
    return render(request, "accounts/tokens/revoke.jinja", {"page_title": "Revoke an API token", "token": token})
