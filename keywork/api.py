"""The JSON API: django-ninja, per-user bearer tokens, the same permissions, rules and audit
as the pages, and errors as JSON that name the field."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.utils import timezone
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as SchemaValidationError
from ninja.security import HttpBearer

from keywork import presenters
from keywork.accounts.middleware import service_for
from keywork.accounts.models import ApiToken
from keywork.assessments.api import router as assessments_router
from keywork.behavioursupport.api import router as behavioursupport_router
from keywork.coproduction.api import router as coproduction_router
from keywork.decisionsupport.api import router as decisionsupport_router
from keywork.education.api import router as education_router
from keywork.fhir.api import is_fhir_request, operation_outcome
from keywork.fhir.api import router as fhir_router
from keywork.figures.api import router as census_router
from keywork.forms import messages
from keywork.inpatient.api import router as inpatient_router
from keywork.keyworking.api import router as keyworking_router
from keywork.locking import StaleRecordError
from keywork.meetings.api import router as meetings_router
from keywork.openapi import NinjaAPI
from keywork.outcomes.api import router as outcomes_router
from keywork.placements.api import router as placements_router
from keywork.programme.api import router as programme_router
from keywork.register.api import router as register_router
from keywork.reporting.api import router as figures_router
from keywork.reporting.equality_api import router as equality_router
from keywork.reviews.api import router as reviews_router
from keywork.safeguarding.api import router as safeguarding_router
from keywork.signposting.api import router as signposting_router
from keywork.supervision.api import router as supervision_router
from keywork.transition.api import router as transition_router


class TokenExpiredError(AuthenticationError):
    """A real token past its expiry date: answered 401 with the date, so its owner knows to ask for a new one."""

    def __init__(self, token: ApiToken):
        expired_on = presenters.uk_long_date(timezone.localdate(token.expires_at))
        super().__init__(message=f"This API token expired on {expired_on}. Ask an administrator for a new token.")


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        found = ApiToken.find(token)
        if found is None or found.user.service_id is None:
            return None
        if found.is_expired:
            raise TokenExpiredError(found)
        found.record_use()
        request.user = found.user
        request.service = service_for(found.user)
        return found.user


def _token_user(request):
    """The user a valid bearer token names, or None (an expired token too: the docs treat it as none)."""
    try:
        return BearerToken()(request)
    except TokenExpiredError:
        return None


def signed_in_only(view):
    """The API's description names every route and field of a person's record, so unless
    API_SCHEMA_REQUIRES_LOGIN is off only a signed-in user or a valid token may read it."""

    def guarded(request, *args, **kwargs):
        if settings.API_SCHEMA_REQUIRES_LOGIN and not request.user.is_authenticated and not _token_user(request):
            if request.resolver_match.url_name == "openapi-view":
                return redirect_to_login(request.get_full_path())
            detail = "Log in or send a valid API token: Authorization: Bearer <token>"
            return JsonResponse({"detail": detail}, status=401)
        return view(request, *args, **kwargs)

    return guarded


api = NinjaAPI(
    title="Keywork API",
    version="1",
    description="Dynamic Support Register and keyworking records. Send `Authorization: Bearer <token>`; "
    "create a token with `manage.py create_api_token <username>` (it expires after 90 days unless `--days` says "
    "otherwise, at most 365).",
    auth=BearerToken(),
    urls_namespace="api",
    docs_decorator=signed_in_only,
)
api.add_router("/people", register_router)
api.add_router("/people", education_router)
api.add_router("/people", placements_router)
api.add_router("/people", transition_router)
api.add_router("", supervision_router)
api.add_router("", keyworking_router)
api.add_router("", reviews_router)
api.add_router("", assessments_router)
api.add_router("", meetings_router)
api.add_router("", inpatient_router)
api.add_router("/people", safeguarding_router)
api.add_router("", decisionsupport_router)
api.add_router("/people", behavioursupport_router)
api.add_router("", census_router)
api.add_router("/programme", programme_router)
api.add_router("/programme", coproduction_router)
api.add_router("", signposting_router)
api.add_router("/outcomes", outcomes_router)
api.add_router("/fhir", fhir_router)
api.add_router("/figures", figures_router)
api.add_router("/figures", equality_router)


def _field_name(location) -> str:
    parts = [str(part) for part in location if part not in ("body", "payload", "query", "path")]
    return ".".join(parts) or "__all__"


@api.exception_handler(SchemaValidationError)
def schema_error(request, error):
    errors: dict[str, list[str]] = {}
    for item in error.errors:
        field = _field_name(item.get("loc", ()))
        errors.setdefault(field, []).append(messages.schema_error(field, item))
    return api.create_response(request, {"errors": errors}, status=422)


@api.exception_handler(ValidationError)
def rule_error(request, error):
    return api.create_response(request, {"errors": messages.model_errors(error)}, status=422)


@api.exception_handler(StaleRecordError)
def stale_record(request, error):
    return api.create_response(request, error.as_json(), status=409)


@api.exception_handler(PermissionDenied)
def forbidden(request, error):
    if is_fhir_request(request):
        return operation_outcome("forbidden", str(error) or "Forbidden", status=403)
    return api.create_response(request, {"detail": str(error) or "Forbidden"}, status=403)


@api.exception_handler(Http404)
def not_found(request, error):
    if is_fhir_request(request):
        return operation_outcome("not-found", "Not found", status=404)
    return api.create_response(request, {"detail": "Not found"}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, error):
    if isinstance(error, TokenExpiredError):
        return api.create_response(request, {"detail": error.message}, status=401)
    return api.create_response(request, {"detail": "Send a valid API token: Authorization: Bearer <token>"}, status=401)
