"""The search page: the header's search box posts here."""

from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.register.access import people_for
from keywork.register.models import Person
from keywork.search.finding import find
from keywork.search.recent import recently_viewed

PAGE_SIZE = 25
LONGEST_QUERY = 100


@permission_required(Permission.VIEW_PEOPLE)
def search(request):
    text = " ".join(request.GET.get("q", "").split())[:LONGEST_QUERY]
    people = people_for(request)
    context = {"page_title": "Find a person", "text": text}
    found = page = None
    if text:
        # Archived entries are out of every list but the register's own "Archived" one.
        found = find(people.filter(archived_on__isnull=True), text)
        page = Paginator(found.people.order_by("family_name", "given_name", "id"), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        if found.is_whole_nhs_number and page.paginator.count == 1:
            _audit(request, found, page, recent=[])
            return redirect(page.object_list[0])
        context |= {"found": found, "page": page, "page_title": f"Find a person: {text}"}
    context["recent"] = recently_viewed(request.user, people)
    _audit(request, found, page, context["recent"])
    return render(request, "search/search.jinja", context)


def _audit(request, found, page, recent) -> None:
    """One entry for the page, naming the people it lists (the page of matches, and those recently
    viewed); for a search, what kind it was and how many the user could see matched (the address,
    with the words typed, is in the entry's path as for every read)."""
    shown = [person.pk for person in [*(page or []), *recent]]
    if page is None and not shown:
        return
    details = {"search": found.kind, "matches": page.paginator.count} if page is not None else {}
    audit.record_list_view(request, Person, shown, what="search", details=details)
