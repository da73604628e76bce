"""What the register adds to a person's record: the details sub-page, the timeline and audit trail
on the records sub-page, and the alerts for a looked-after child and withdrawn consent."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse

from keywork.accounts.permissions import Permission, has_permission
from keywork.audit.models import AuditEntry
from keywork.personrecord import Alert
from keywork.register.access import query_without_page
from keywork.register.choices import ConsentBasis
from keywork.register.presenters import detail_rows, register_rows
from keywork.register.timeline import filtered_timeline

AUDIT_PAGE_SIZE = 10


def details_section(request, person) -> str:
    may = {permission.name: has_permission(request.user, permission) for permission in Permission}
    change_url = reverse("register:edit", args=[person.pk]) if may["EDIT_PERSON"] else None
    context = {
        "person": person,
        "register_rows": register_rows(person, person.consents.first()),
        "detail_rows": detail_rows(person, change_url),
        "family_contacts": person.family_contacts.all(),
        "may": may,
    }
    return render_to_string("register/person_details.jinja", context, request)


def timeline_section(request, person) -> str:
    form, page = filtered_timeline(request, person)
    context = {"person": person, "form": form, "page": page, "query": query_without_page(request)}
    return render_to_string("register/person_timeline.jinja", context, request)


def audit_section(request, person) -> str:
    """Who has seen and changed the record, newest first, paged apart from the timeline."""
    if not has_permission(request.user, Permission.VIEW_PERSON_AUDIT):
        return ""
    entries = AuditEntry.objects.about_person(person.pk).select_related("actor", "content_type")
    page = Paginator(entries, AUDIT_PAGE_SIZE).get_page(request.GET.get("audit_page"))
    context = {"person": person, "page": page, "query": query_without_page(request, "audit_page")}
    return render_to_string("register/person_audit.jinja", context, request)


def alerts(request, person) -> list[Alert]:
    found = []
    consent = person.consents.first()
    if consent and consent.basis == ConsentBasis.WITHDRAWN:
        found.append(Alert("Consent withdrawn", "red"))
    return found
