"""Subject access pages: thin views that check permission, read through access, write through operations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.register.access import (
    paged,
    person_for_request,
    query_without_page,
    record_for_request,
    scoped,
)
from keywork.subjectaccess import operations
from keywork.subjectaccess.forms import ExtensionForm, IdentityCheckForm, RequestForm, ResponseForm
from keywork.subjectaccess.models import SubjectAccessRequest
from keywork.subjectaccess.pack import file_stem
from keywork.subjectaccess.presenters import request_rows, status_tag

CONTENT_TYPES = {"pdf": "application/pdf", "zip": "application/zip"}
REQUEST_PAGE = "subjectaccess/request.jinja"


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def request_list(request):
    access_requests = scoped(request, SubjectAccessRequest).select_related("person").open_first()
    page = paged(request, access_requests, what="subject access requests")
    return render(
        request,
        "subjectaccess/list.jinja",
        {
            "page_title": "Subject access requests",
            "rows": [(item, status_tag(item)) for item in page],
            "page": page,
            "query": query_without_page(request),
        },
    )


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def add_request(request, person_id):
    person = person_for_request(request, person_id)
    form = RequestForm(request.POST or None, person=person, initial={"received_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_request(actor, person, f.instance),
        "Subject access request recorded",
        "Record a subject access request",
        person=person,
        submit_text="Record the request",
    )


def _page_context(access_request, **bound_forms) -> dict:
    forms = {
        "identity_form": IdentityCheckForm(initial={"identity_checked_on": timezone.localdate()}),
        "extension_form": ExtensionForm(),
        "response_form": ResponseForm(initial={"responded_on": timezone.localdate()}),
    }
    return {
        "access_request": access_request,
        "person": access_request.person,
        "rows": request_rows(access_request),
        "status": status_tag(access_request),
        "extension_refusal": access_request.extension_refusal(timezone.localdate()),
        **forms,
        **bound_forms,
    }


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def request_detail(request, subject_access_request_id):
    access_request = record_for_request(request, SubjectAccessRequest, subject_access_request_id)
    context = _page_context(access_request)
    return render(request, REQUEST_PAGE, {"page_title": "Subject access request", **context})


def _action(request, subject_access_request_id, form_class, name: str, save, success: str):
    """One of the request page's forms: on errors the page is shown again with that form's errors."""
    access_request = record_for_request(request, SubjectAccessRequest, subject_access_request_id)
    form = form_class(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: save(actor, access_request, f.cleaned_data),
        success,
        "Subject access request",
        template=REQUEST_PAGE,
        **_page_context(access_request, **{name: form}),
    )


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def record_identity_check(request, subject_access_request_id):
    return _action(
        request,
        subject_access_request_id,
        IdentityCheckForm,
        "identity_form",
        lambda actor, record, data: operations.record_identity_check(
            actor, record, data["identity_checked_on"], data["identity_evidence"]
        ),
        "Identity check recorded",
    )


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def extend(request, subject_access_request_id):
    return _action(
        request,
        subject_access_request_id,
        ExtensionForm,
        "extension_form",
        lambda actor, record, data: operations.extend(
            actor, record, int(data["extension_months"]), data["extension_reason"]
        ),
        "Extension recorded",
    )


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def record_response(request, subject_access_request_id):
    return _action(
        request,
        subject_access_request_id,
        ResponseForm,
        "response_form",
        lambda actor, record, data: operations.record_response(actor, record, data["responded_on"]),
        "Response recorded",
    )


@permission_required(Permission.MANAGE_SUBJECT_ACCESS)
def download_pack(request, subject_access_request_id, file_format):
    """The pack, only once identity is checked; each download audited as an export."""
    access_request = record_for_request(request, SubjectAccessRequest, subject_access_request_id)
    try:
        body = operations.export_pack(audit.Actor.from_request(request), access_request, file_format)
    except ValidationError as refusal:
        messages.error(request, refusal.messages[0])
        return redirect(access_request)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="{file_stem(access_request)}.{file_format}"'
    return response
