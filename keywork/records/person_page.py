"""What records management adds to a person's page: whether a legal hold stands, and the link to place or lift one."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission


def legal_hold_section(request, person) -> str:
    if not has_permission(request.user, Permission.PLACE_LEGAL_HOLD):
        return ""
    return render_to_string("records/person_section.jinja", {"person": person}, request)
