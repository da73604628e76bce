"""FHIR R4 export through the API: GET /api/fhir/Patient/{id}/$everything."""

from django.http import HttpResponse
from ninja import Router

from keywork.accounts.permissions import Permission, permission_required
from keywork.fhir.views import bundle_response
from keywork.register.access import person_for_request

router = Router(tags=["FHIR"])


@router.get("/Patient/{int:person_id}/$everything", response={200: dict}, url_name="fhir_everything")
@permission_required(Permission.VIEW_PEOPLE)
def everything(request, person_id: int) -> HttpResponse:
    """The person's record as a FHIR R4 Bundle (application/fhir+json); another service's person is 404."""
    return bundle_response(person_for_request(request, person_id))
