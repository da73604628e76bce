"""The referrals page: what is waiting for a decision, then for a keyworker, oldest first."""

from django.shortcuts import render

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.keyworking import queues
from keywork.register.access import people_for


@permission_required(Permission.DECIDE_REFERRAL)
def referrals(request):
    people = people_for(request)
    return render(
        request,
        "keyworking/referrals.jinja",
        {
            "page_title": "Referrals",
            "awaiting_decision": queues.awaiting_decision(people),
            "awaiting_allocation": queues.awaiting_allocation(people)
            if has_permission(request.user, Permission.ALLOCATE)
            else None,
            "target_days": request.service.referral_decision_target_days,
        },
    )
