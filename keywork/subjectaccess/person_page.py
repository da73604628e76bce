"""What subject access adds to a person's page, for those who answer requests: their requests and a
link to record a new one."""

from django.template.loader import render_to_string

from keywork.accounts.permissions import Permission, has_permission
from keywork.subjectaccess.presenters import status_tag


def subject_access_section(request, person) -> str:
    if not has_permission(request.user, Permission.MANAGE_SUBJECT_ACCESS):
        return ""
    rows = [(item, status_tag(item)) for item in person.subject_access_requests.open_first()]
    return render_to_string("subjectaccess/person_section.jinja", {"person": person, "rows": rows}, request)
