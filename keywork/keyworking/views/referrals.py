from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import ClosingForm, DecisionForm, ReferralForm
from keywork.keyworking.models import Referral
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request


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
        person=person,
    )


@permission_required(Permission.DECIDE_REFERRAL)
def decide_referral(request, referral_id):
    referral = record_for_request(request, Referral, referral_id)
    form = DecisionForm(request.POST or None, instance=referral, initial={"decided_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.decide_referral(actor, f.instance).person,
        "Decision recorded",
        "Decide the referral",
        person=referral.person,
        referral=referral,
    )


@permission_required(Permission.DECIDE_REFERRAL)
def close_keywork(request, referral_id):
    referral = record_for_request(request, Referral, referral_id)
    form = ClosingForm(request.POST or None, instance=referral, initial={"closed_on": timezone.localdate()})
    return handle_form(
        request,
        form,
        lambda actor, f: operations.close_keywork(actor, f.instance).person,
        "Keywork ended. The person stays on the register unless removed separately.",
        "End keywork",
        person=referral.person,
        submit_text="End keywork",
    )
