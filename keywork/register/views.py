"""Register pages: thin views that check permission, read through access, write through operations."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from keywork import audit, personrecord
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.models import Operation
from keywork.pages import handle_form
from keywork.register import operations, record_pages
from keywork.register.access import paged, people_for, person_for_request, query_without_page
from keywork.register.forms import (
    AddPersonForm,
    ConsentForm,
    ConsentWithdrawnPolicyForm,
    EditDetailsForm,
    EndRegistrationForm,
    FamilyContactForm,
    RatingChangeForm,
)
from keywork.register.listing import RegisterFilterForm, filter_people
from keywork.register.models import Person
from keywork.register.presenters import rating_saved
from keywork.register.withdrawal import MEANINGS


@permission_required(Permission.VIEW_PEOPLE)
def register_list(request):
    filters = RegisterFilterForm(request.GET or None, service=request.service)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    people = filter_people(people_for(request), criteria)
    page = paged(request, people, what="register")
    return render(
        request,
        "register/list.jinja",
        {
            "page_title": "Dynamic Support Register",
            "filters": filters,
            "page": page,
            "query": query_without_page(request),
            "today": timezone.localdate(),
            "may_export": has_permission(request.user, Permission.EXPORT_REGISTER),
            "may_add": has_permission(request.user, Permission.ADD_PERSON),
            "may_import": has_permission(request.user, Permission.IMPORT_REGISTER),
        },
    )


@permission_required(Permission.VIEW_PEOPLE)
def person_page(request, person_id, tab="details"):
    """One sub-page of the person's record: the summary, the sub-navigation, and the sections each
    part of the record puts on this sub-page. Each page view is one audited read."""
    person = person_for_request(request, person_id)
    label = next(t.label for t in personrecord.TABS if t.slug == tab)
    return render(
        request,
        "register/person.jinja",
        {
            "page_title": person.full_name if tab == "details" else f"{label}: {person.full_name}",
            "person": person,
            "summary": record_pages.summary(request, person),
            "navigation": record_pages.navigation(person, tab),
            "sections": personrecord.page_sections(request, person, tab),
        },
    )


@permission_required(Permission.ADD_PERSON)
def add_person(request):
    form = AddPersonForm(request.POST or None, service=request.service, people=people_for(request), instance=Person())
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
    )

    def save(actor, form):
        changed = {name: str(form.cleaned_data[name]) for name in form.changed_data if name in form.record_fields()}
        return operations.update_details(actor, person, form.cleaned_data["version"], changed)

    done = record_pages.person_url(person, "details", "details")
    return handle_form(request, form, save, "Details saved", "Change details", done_url=done, person=person)


@permission_required(Permission.CHANGE_RATING)
def change_rating(request, person_id):
    person = person_for_request(request, person_id)
    today = timezone.localdate()
    prompts = personrecord.risk_prompts(person, today)
    initial = {"effective_on": today, "rating": person.rating}
    form = RatingChangeForm(request.POST or None, person=person, prompts=prompts, initial=initial)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.change_rating(actor, person, f.instance) and person,
        lambda f: rating_saved(f.instance),
        "Review rating",
        done_url=record_pages.person_url(person, "details", "register"),
        person=person,
    )


@permission_required(Permission.RECORD_CONSENT)
def record_consent(request, person_id):
    person = person_for_request(request, person_id)
    form = ConsentForm(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_consent(actor, person, f.instance) and _after_consent(request, person),
        "Consent recorded",
        "Record consent",
        back_url=record_pages.person_url(person, "details", "register"),
        person=person,
    )


def _after_consent(request, person) -> str:
    """Back to the record; or home, when the withdrawal just recorded ends this user's access to it
    under the service's policy (register/withdrawal.py), rather than to a page they may not open."""
    if people_for(request).filter(pk=person.pk).exists():
        return record_pages.person_url(person, "details", "register")
    return reverse("home")


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
        lambda f: f"{f.instance.name} added as a family or carer contact",
        "Add a family or carer contact",
        done_url=record_pages.person_url(person, "details", "family"),
        person=person,
    )


# The programme lead (and administrators) decide, with the service's DPIA, what a withdrawal does.
@permission_required(Permission.MANAGE_PROGRAMME)
def consent_withdrawn_policy(request):
    form = ConsentWithdrawnPolicyForm(request.POST or None, instance=request.service)
    if request.method == "POST" and form.is_valid():
        form.save()
        if form.changed_data:
            # Who changed what a withdrawal does, and to what, is on record.
            changes = {"consent_withdrawn_policy": form.instance.consent_withdrawn_policy}
            audit.record(audit.Actor.from_request(request), Operation.UPDATE, form.instance, changes=changes)
        messages.success(request, f"When consent is withdrawn: {form.instance.get_consent_withdrawn_policy_display()}")
        return redirect("register:consent_withdrawn_policy")
    context = {"form": form, "page_title": "When consent is withdrawn", "submit_text": "Save", "meanings": MEANINGS}
    return render(request, "register/consent_withdrawn_policy.jinja", context)
