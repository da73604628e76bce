"""Recording and changing a person's transition plan, one page at the person's address (a person has
one plan): it names its permission and saves through keywork.audit.saving, which audits it."""

from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.saving import save_form
from keywork.pages import handle_form
from keywork.register.access import person_for_request, scoped
from keywork.register.record_pages import person_url
from keywork.transition.forms import TransitionPlanForm
from keywork.transition.models import TransitionPlan


@permission_required(Permission.EDIT_PERSON)
def plan(request, person_id):
    person = person_for_request(request, person_id)
    existing = scoped(request, TransitionPlan, person.pk).first()
    form = TransitionPlanForm(request.POST or None, instance=existing, person=person)
    success, title = (
        ("Transition plan updated", "Change the transition plan")
        if existing
        else ("Transition plan recorded", "Record a transition plan")
    )
    done = person_url(person, "details", "transition")
    return handle_form(
        request, form, save_form, success, title, done_url=done, person=person, template="transition/plan_form.jinja"
    )
