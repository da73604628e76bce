from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import PlanForm
from keywork.pages import handle_form
from keywork.presenters import uk_long_date
from keywork.register.access import person_for_request
from keywork.register.record_pages import person_url


@permission_required(Permission.EDIT_PLAN)
def edit_plan(request, person_id):
    person = person_for_request(request, person_id)
    current = person.support_plans.first()
    initial = {"based_on_version": current.version if current else 0}
    form = PlanForm(request.POST or None, instance=None, initial=initial | _plan_text(current))

    def save(actor, form):
        operations.save_plan(actor, person, form.instance, form.cleaned_data["based_on_version"])
        return person

    done = person_url(person, "plans", "plan")
    success = "Support plan saved as a new version"
    return handle_form(request, form, save, success, "Support and crisis plan", done_url=done, person=person)


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


@permission_required(Permission.VIEW_PEOPLE)
def crisis_plan(request, person_id):
    """The current support and crisis plan as a document to print for the family and professionals."""
    person = person_for_request(request, person_id)
    plan = person.support_plans.first()
    context = {
        "page_title": f"Support and crisis plan: {person.full_name}",
        "person": person,
        "plan": plan,
        "saved_on": uk_long_date(timezone.localtime(plan.saved_at).date()) if plan else "",
        "workers": person.allocations.current().select_related("worker"),
    }
    return render(request, "keyworking/crisis_plan.jinja", context)
