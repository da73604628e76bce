from django.shortcuts import render

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import PlanForm
from keywork.pages import handle_form
from keywork.register.access import person_for_request


@permission_required(Permission.EDIT_PLAN)
def edit_plan(request, person_id):
    person = person_for_request(request, person_id)
    current = person.support_plans.first()
    initial = {"based_on_version": current.version if current else 0}
    form = PlanForm(request.POST or None, instance=None, initial=initial | _plan_text(current))

    def save(actor, form):
        operations.save_plan(actor, person, form.instance, form.cleaned_data["based_on_version"])
        return person

    return handle_form(
        request, form, save, "Support plan saved as a new version", "Support and crisis plan", person=person
    )


def _plan_text(plan) -> dict:
    names = ["what_helps", "triggers", "early_warning_signs", "who_to_call", "agreed_responses"]
    return {name: getattr(plan, name) for name in names} if plan else {}


@permission_required(Permission.VIEW_PEOPLE)
def plan_history(request, person_id):
    person = person_for_request(request, person_id)
    plans = person.support_plans.select_related("saved_by")
    return render(
        request, "keyworking/plans.jinja", {"page_title": "Support plan versions", "person": person, "plans": plans}
    )
