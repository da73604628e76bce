from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.keyworking import operations, queues
from keywork.keyworking.forms import ClosingForm, DecisionForm, ReferralForm
from keywork.keyworking.models import Referral
from keywork.keyworking.views.returning import next_path, with_next
from keywork.pages import handle_form
from keywork.register.access import people_for, person_for_request, record_for_request
from keywork.register.record_pages import person_url


@permission_required(Permission.RECORD_REFERRAL)
def add_referral(request, person_id):
    person = person_for_request(request, person_id)
    form = ReferralForm(request.POST or None, initial={"received_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.record_referral(actor, person, f.instance).person,
        "Referral recorded",
        "Refer for keywork",
        done_url=person_url(person, "keywork", "keywork"),
        person=person,
    )


@permission_required(Permission.DECIDE_REFERRAL)
def decide_referral(request, referral_id):
    referral = record_for_request(request, Referral, referral_id)
    back = next_path(request, person_url(referral.person, "keywork", "keywork"))
    form = DecisionForm(request.POST or None, instance=referral, initial={"decided_on": timezone.localdate()})
    # The message and the next page depend on the decision, so both are worked out once it is saved.
    return handle_form(
        request,
        form,
        lambda actor, f: operations.decide_referral(actor, f.instance, f.cleaned_data["version"]),
        lazy(lambda: _decided_message(referral, _allocation_next(request, referral)), str)(),
        "Decide the referral",
        done_url=lazy(lambda: _after_decision(request, referral, back), str)(),
        template="keyworking/decide.jinja",
        person=referral.person,
        referral=referral,
        next=back,
        back_url=back,
    )


def _allocation_next(request, referral) -> bool:
    """An accepted referral whose person has no keyworker yet goes on to the allocation form."""
    return has_permission(request.user, Permission.ALLOCATE) and (
        queues.awaiting_allocation(people_for(request)).filter(pk=referral.pk).exists()
    )


def _after_decision(request, referral, back: str) -> str:
    if _allocation_next(request, referral):
        return with_next(reverse("keyworking:allocate", args=[referral.person_id]), back)
    return back


def _decided_message(referral, allocating_next: bool) -> str:
    message = f"Referral for {referral.person.full_name} {referral.get_decision_display().lower()}"
    return f"{message}. Now allocate their keyworker." if allocating_next else message


@permission_required(Permission.DECIDE_REFERRAL)
def close_keywork(request, referral_id):
    referral = record_for_request(request, Referral, referral_id)
    form = ClosingForm(request.POST or None, instance=referral, initial={"closed_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.close_keywork(actor, f.instance, f.cleaned_data["version"]).person,
        "Keywork ended. The person stays on the register unless removed separately.",
        "End keywork",
        done_url=person_url(referral.person, "keywork", "keywork"),
        person=referral.person,
        submit_text="End keywork",
    )
