"""The search page: the header's search box posts here."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.register.access import people_for
from keywork.search.finding import find
from keywork.search.recent import recently_viewed

PAGE_SIZE = 25
LONGEST_QUERY = 100


@permission_required(Permission.VIEW_PEOPLE)
def search(request):
    text = " ".join(request.GET.get("q", "").split())[:LONGEST_QUERY]
    people = people_for(request)
    context = {"page_title": "Find a person", "text": text}
    if text:
        # Archived entries are out of every list but the register's own "Archived" one.
        found = find(people.filter(archived_on__isnull=True), text)
        page = Paginator(found.people.order_by("family_name", "given_name", "id"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        # One entry for the search: what kind of entry it was and how many the user could see
        # matched (the address, with the words typed, is in the entry's path as for every read).
        audit.record(
            audit.Actor.from_request(request),
            Operation.VIEW,
            request.service,
            changes={"search": found.kind, "matches": page.paginator.count},
        )
        if found.is_whole_nhs_number and page.paginator.count == 1:
            return redirect(page.object_list[0])
        context |= {"found": found, "page": page, "page_title": f"Find a person: {text}"}
    context["recent"] = recently_viewed(request.user, people)
    return render(request, "search/search.jinja", context)
