"""What the FHIR export adds to a person's page: a link to download their record as a FHIR Bundle."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.withdrawal import sharing_refusal


def fhir_section(request, person) -> str:
    if not has_permission(request.user, Permission.VIEW_PEOPLE):
        return ""
    context = {"person": person, "refusal": sharing_refusal(person)}
    return render_to_string("fhir/person_section.jinja", context, request)
