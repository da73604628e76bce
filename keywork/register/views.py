"""Register pages: thin views that check permission, read through access, write through operations."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from keywork import personrecord
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import AuditEntry
from keywork.pages import handle_form
from keywork.register import operations
from keywork.register.access import people_for, person_for_request
from keywork.register.forms import (
    AddPersonForm,
    ConsentForm,
    EditDetailsForm,
    EndRegistrationForm,
    FamilyContactForm,
    RatingChangeForm,
)
from keywork.register.listing import RegisterFilterForm, filter_people
from keywork.register.models import Person
from keywork.register.presenters import detail_rows, register_rows
from keywork.register.timeline import timeline_for

PAGE_SIZE = 25


@permission_required(Permission.VIEW_PEOPLE)
def register_list(request):
    filters = RegisterFilterForm(request.GET or None, service=request.service)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    people = filter_people(people_for(request), criteria)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "register/list.jinja",
        {
            "page_title": "Dynamic Support Register",
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "today": timezone.localdate(),
            "may_export": has_permission(request.user, Permission.EXPORT_REGISTER),
        },
    )


@permission_required(Permission.VIEW_PEOPLE)
def person_detail(request, person_id):
    person = person_for_request(request, person_id)
    trail = None
    if has_permission(request.user, Permission.VIEW_PERSON_AUDIT):
        trail = AuditEntry.objects.filter(person_id=person.pk).select_related("actor", "content_type")[:50]
    may = {permission.name: has_permission(request.user, permission) for permission in Permission}
    change_url = reverse("register:edit", args=[person.pk]) if may["EDIT_PERSON"] else None
    return render(
        request,
        "register/person.jinja",
        {
            "page_title": person.full_name,
            "person": person,
            "timeline": timeline_for(request, person),
            "sections": personrecord.page_sections(request, person),
            "register_rows": register_rows(person, person.consents.first()),
            "detail_rows": detail_rows(person, change_url),
            "family_contacts": person.family_contacts.all(),
            "audit_trail": trail,
            "may": may,
        },
    )


@permission_required(Permission.ADD_PERSON)
def add_person(request):
    form = AddPersonForm(
        request.POST or None, service=request.service, people=people_for(request), instance=Person()
    )
    return handle_form(
        request,
        form,
        lambda actor, f: operations.add_person(actor, f.instance, f.consent, f.rating_change),
        "The person has been added to the register",
        "Add a person to the register",
        template="register/add.jinja",
        submit_text="Add to the register",
    )


@permission_required(Permission.EDIT_PERSON)
def edit_details(request, person_id):
    person = person_for_request(request, person_id)
    form = EditDetailsForm(
        request.POST or None,
        service=request.service,
        people=people_for(request),
        instance=person,
        initial={"version": person.version},
    )

    def save(actor, form):
        changed = {name: str(form.cleaned_data[name]) for name in form.changed_data if name != "version"}
        return operations.update_details(actor, person, form.cleaned_data["version"], changed)

    return handle_form(request, form, save, "Details saved", "Change details", person=person)


@permission_required(Permission.CHANGE_RATING)
def change_rating(request, person_id):
    person = person_for_request(request, person_id)
    initial = {"effective_on": timezone.localdate(), "rating": person.rating}
    form = RatingChangeForm(request.POST or None, person=person, initial=initial)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.change_rating(actor, person, f.instance) and person,
        "Rating recorded",
        "Review rating",
        person=person,
    )


@permission_required(Permission.RECORD_CONSENT)
def record_consent(request, person_id):
    person = person_for_request(request, person_id)
    form = ConsentForm(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_consent(actor, person, f.instance) and person,
        "Consent recorded",
        "Record consent",
        person=person,
    )


@permission_required(Permission.REMOVE_FROM_REGISTER)
def end_registration(request, person_id):
    person = person_for_request(request, person_id)
    form = EndRegistrationForm(request.POST or None, initial={"version": person.version})

    def save(actor, form):
        data = form.cleaned_data
        return operations.end_registration(
            actor, person, data["version"], data["status"], data["reason"], timezone.localdate()
        )

    return handle_form(
        request,
        form,
        save,
        "Removed from the register",
        "Remove from the register",
        person=person,
        submit_text="Remove from the register",
    )


@permission_required(Permission.EDIT_PERSON)
def add_family_contact(request, person_id):
    person = person_for_request(request, person_id)
    form = FamilyContactForm(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.add_family_contact(actor, person, f.instance) and person,
        "Family or carer contact added",
        "Add a family or carer contact",
        person=person,
    )
