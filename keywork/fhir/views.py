"""The person's record as a FHIR R4 Bundle, downloaded from their page."""

import json

from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.fhir.bundle import person_bundle
from keywork.register.access import person_for_request
from keywork.register.models import Person
from keywork.register.withdrawal import sharing_refusal

FHIR_JSON = "application/fhir+json"


def bundle_response(request, person, download: bool = False) -> HttpResponse:
    """The Bundle, audited as an export of the whole record (opening it was audited as a view).
    Refused (403, audited) once the person has withdrawn consent: their record is not shared."""
    refusal = sharing_refusal(person)
    if refusal:
        audit.record_refusal(request, Person, person.pk, person_id=person.pk, status=403)
        raise PermissionDenied(refusal)
    bundle = person_bundle(person, searchset=not download)
    audit.record(
        audit.Actor.from_request(request),
        Operation.EXPORT,
        person,
        person_id=person.pk,
        changes={"format": "FHIR R4 Bundle", "resources": len(bundle["entry"])},
    )
    response = HttpResponse(json.dumps(bundle, cls=DjangoJSONEncoder, indent=2), content_type=FHIR_JSON)
    if download:
        response["Content-Disposition"] = f'attachment; filename="person-{person.pk}-fhir.json"'
    return response


@permission_required(Permission.VIEW_PEOPLE)
def person_bundle_json(request, person_id: int) -> HttpResponse:
    """Only people who may see the person get the Bundle (else 404), and the read is audited."""
    return bundle_response(request, person_for_request(request, person_id), download=True)
