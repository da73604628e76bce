"""FHIR R4 export through the API: GET /api/fhir/Patient/{id}/$everything."""

import json

from django.http import HttpResponse
from ninja import Router

from keywork.accounts.permissions import Permission, permission_required
from keywork.fhir.views import FHIR_JSON, bundle_response
from keywork.register.access import person_for_request

router = Router(tags=["FHIR"])
PREFIX = "/api/fhir/"


def is_fhir_request(request) -> bool:
    return request.path.startswith(PREFIX)


def operation_outcome(code: str, message: str, status: int) -> HttpResponse:
    """A FHIR client reads errors as an OperationOutcome, not the rest of the API's {"detail": ...}."""
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}],
    }
    return HttpResponse(json.dumps(outcome), content_type=FHIR_JSON, status=status)


# Described as the media type it answers in, so a client (and schemathesis) expects a FHIR Bundle.
BUNDLE = {200: {"description": "A FHIR R4 Bundle", "content": {FHIR_JSON: {"schema": {"type": "object"}}}}}


@router.get("/Patient/{int:person_id}/$everything", openapi_extra={"responses": BUNDLE}, url_name="fhir_everything")
@permission_required(Permission.VIEW_PEOPLE)
def everything(request, person_id: int) -> HttpResponse:
    """The person's record as a FHIR R4 Bundle (application/fhir+json); another service's person is 404."""
    return bundle_response(request, person_for_request(request, person_id))
