"""The referrals page: what is waiting for a decision, then for a keyworker, oldest first.

Both queues show their oldest few; "see all" opens one queue on its own, a page at a time.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.keyworking import queues
from keywork.register.access import listed, paged, people_for

SHOWN_ON_THE_PAGE = 10

# Each queue: its heading, the referrals in it, and who may act on them.
QUEUES = {
    "decision": ("Waiting for a decision", queues.awaiting_decision, Permission.DECIDE_REFERRAL),
    "allocation": ("Waiting for a keyworker", queues.awaiting_allocation, Permission.ALLOCATE),
}


@permission_required(Permission.DECIDE_REFERRAL)
def referrals(request):
    people = people_for(request)
    chosen = request.GET.get("queue")
    if chosen and chosen not in QUEUES:
        raise Http404("No such queue")
    shown = []
    for name, (heading, referrals_in, permission) in QUEUES.items():
        if chosen and name != chosen:
            continue
        if not has_permission(request.user, permission):
            if chosen:
                raise PermissionDenied(f"Your role does not allow this ({permission})")
            continue
        waiting = referrals_in(people)
        if chosen:
            page = paged(request, waiting, what=f"referrals: {heading.lower()}")
            shown.append({"name": name, "heading": heading, "referrals": page, "count": page.paginator.count})
        else:
            count = waiting.count()
            shown.append(
                {"name": name, "heading": heading, "referrals": list(waiting[:SHOWN_ON_THE_PAGE]), "count": count}
            )
    if not chosen:
        # Both queues' first few, in the page's one audit entry.
        listed(request, [referral for queue in shown for referral in queue["referrals"]], what="referral queues")
    return render(
        request,
        "keyworking/referrals.jinja",
        {
            "page_title": QUEUES[chosen][0] if chosen else "Referrals",
            "queues": shown,
            "paged": bool(chosen),
            "shown_on_the_page": SHOWN_ON_THE_PAGE,
            "target_days": request.service.referral_decision_target_days,
            "here": request.get_full_path(),
        },
    )
