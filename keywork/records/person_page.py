"""What records management adds to a person's record: whether a legal hold stands (with the link to
place or lift one), and its alert in the summary."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.personrecord import Alert


def legal_hold_section(request, person) -> str:
    if not has_permission(request.user, Permission.PLACE_LEGAL_HOLD):
        return ""
    return render_to_string("records/person_section.jinja", {"person": person}, request)


def alerts(request, person) -> list[Alert]:
    return [Alert("Legal hold", "grey")] if person.legal_hold else []
