"""Register pages: thin views that check permission, read through access, write through operations."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, has_permission, people_for, permission_required
from keywork.audit.models import AuditEntry
from keywork.register import operations
from keywork.register.access import person_for_request
from keywork.register.forms import (
    AddPersonForm,
    ConsentForm,
    EditDetailsForm,
    EndRegistrationForm,
    FamilyContactForm,
    RatingChangeForm,
)
from keywork.register.listing import RegisterFilterForm, filter_people
from keywork.register.models import Person, StaleRecordError
from keywork.register.presenters import detail_rows, register_rows
from keywork.register.timeline import timeline_for

PAGE_SIZE = 25
STALE_MESSAGE = (
    "Someone else changed this record after you opened it. Your changes were not saved: "
    "check the record as it is now and make them again."
)


def _form_page(request, form, title, template="register/form.jinja", **context):
    return render(request, template, {"form": form, "page_title": title, **context})


@permission_required(Permission.VIEW_PEOPLE)
def register_list(request):
    filters = RegisterFilterForm(request.GET or None, service=request.service)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    people = filter_people(people_for(request), criteria)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "register/list.jinja", {
        "page_title": "Dynamic Support Register", "filters": filters, "page": page,
        "query": query.urlencode(), "today": timezone.localdate(),
    })  # fmt: skip


@permission_required(Permission.VIEW_PEOPLE)
def person_detail(request, person_id):
    person = person_for_request(request, person_id)
    trail = None
    if has_permission(request.user, Permission.VIEW_PERSON_AUDIT):
        trail = AuditEntry.objects.filter(person_id=person.pk).select_related("actor", "content_type")[:50]
    may = {permission.name: has_permission(request.user, permission) for permission in Permission}
    change_url = reverse("register:edit", args=[person.pk]) if may["EDIT_PERSON"] else None
    return render(request, "register/person.jinja", {
        "page_title": person.full_name, "person": person, "timeline": timeline_for(person),
        "register_rows": register_rows(person, person.consents.first()),
        "detail_rows": detail_rows(person, change_url),
        "family_contacts": person.family_contacts.all(), "audit_trail": trail, "may": may,
    })  # fmt: skip


@permission_required(Permission.ADD_PERSON)
def add_person(request):
    form = AddPersonForm(request.POST or None, service=request.service, instance=Person())
    if request.method == "POST" and form.is_valid():
        try:
            person = operations.add_person(
                audit.Actor.from_request(request), form.instance, form.consent, form.rating_change
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{person.full_name} has been added to the register")
            return redirect(person)
    return _form_page(
        request, form, "Add a person to the register", template="register/add.jinja", submit_text="Add to the register"
    )


@permission_required(Permission.EDIT_PERSON)
def edit_details(request, person_id):
    person = person_for_request(request, person_id)
    form = EditDetailsForm(request.POST or None, service=request.service, instance=person,
                           initial={"version": person.version})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        changed = {name: str(form.cleaned_data[name]) for name in form.changed_data if name != "version"}
        try:
            operations.update_details(audit.Actor.from_request(request), person, form.cleaned_data["version"], changed)
        except StaleRecordError:
            form.add_error(None, STALE_MESSAGE)
        else:
            messages.success(request, "Details saved")
            return redirect(person)
    return _form_page(request, form, f"Change details: {person.full_name}", person=person)


@permission_required(Permission.CHANGE_RATING)
def change_rating(request, person_id):
    person = person_for_request(request, person_id)
    form = RatingChangeForm(request.POST or None, person=person, initial={"effective_on": timezone.localdate(),
                                                                          "rating": person.rating})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        operations.change_rating(audit.Actor.from_request(request), person, form.instance)
        messages.success(request, f"Rating recorded: {person.get_rating_display()}")
        return redirect(person)
    return _form_page(request, form, f"Review rating: {person.full_name}", person=person)


@permission_required(Permission.RECORD_CONSENT)
def record_consent(request, person_id):
    person = person_for_request(request, person_id)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        operations.record_consent(audit.Actor.from_request(request), person, form.instance)
        messages.success(request, "Consent recorded")
        return redirect(person)
    return _form_page(request, form, f"Record consent: {person.full_name}", person=person)


@permission_required(Permission.REMOVE_FROM_REGISTER)
def end_registration(request, person_id):
    person = person_for_request(request, person_id)
    form = EndRegistrationForm(request.POST or None, initial={"version": person.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            operations.end_registration(audit.Actor.from_request(request), person, data["version"],
                                        data["status"], data["reason"], timezone.localdate())  # fmt: skip
        except StaleRecordError:
            form.add_error(None, STALE_MESSAGE)
        else:
            messages.success(request, f"{person.full_name}: {person.get_status_display().lower()}")
            return redirect(person)
    return _form_page(request, form, f"Remove from the register: {person.full_name}", person=person,
                      submit_text="Remove from the register")  # fmt: skip


@permission_required(Permission.EDIT_PERSON)
def add_family_contact(request, person_id):
    person = person_for_request(request, person_id)
    form = FamilyContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        operations.add_family_contact(audit.Actor.from_request(request), person, form.instance)
        messages.success(request, "Family or carer contact added")
        return redirect(person)
    return _form_page(request, form, f"Add a family or carer contact: {person.full_name}", person=person)
