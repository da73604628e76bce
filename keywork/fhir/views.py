"""The person's record as a FHIR R4 Bundle, downloaded from their page."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from keywork.accounts.permissions import Permission, permission_required
from keywork.fhir.bundle import person_bundle
from keywork.register.access import person_for_request

FHIR_JSON = "application/fhir+json"


def bundle_response(person, download: bool = False) -> HttpResponse:
    response = HttpResponse(json.dumps(person_bundle(person), cls=DjangoJSONEncoder, indent=2), content_type=FHIR_JSON)
    if download:
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}-fhir.json"'
    return response


@permission_required(Permission.VIEW_PEOPLE)
def person_bundle_json(request, person_id: int) -> HttpResponse:
    """Only people who may see the person get the Bundle (else 404), and the read is audited."""
    return bundle_response(person_for_request(request, person_id), download=True)
