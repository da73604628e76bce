"""Each work list on a page of its own, paged; and whose work a request sees (the home page too)."""

from django.shortcuts import render

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.presenters import uk_long_date
from keywork.register.access import paged, people_for, query_without_page
from keywork.worklists.forms import KeyworkerFilterForm
from keywork.worklists.work import DEFINITIONS, Scope


def scope_for(request) -> tuple[Scope, KeyworkerFilterForm | None]:
    """A keyworker sees their own work; anyone else who may see people, the team's, or one
    keyworker's (the filter, from the URL)."""
    if request.user.role == Role.KEYWORKER:
        return Scope(people_for(request), request.service, request.user), None
    filters = KeyworkerFilterForm(request.GET or None, service=request.service)
    return Scope(people_for(request), request.service, filters.worker(), reader=request.user), filters


def list_context(request, scope: Scope, filters) -> dict:
    """What every work list's table needs (`ctx`): today, the keyworker column for a team's lists,
    and where "Mark as done" returns to."""
    ctx = {
        "team": filters is not None,
        "today": scope.today,
        "due_by": uk_long_date(scope.due_by),
        "here": request.get_full_path(),
        "may_mark_done": has_permission(request.user, Permission.RECORD_CONTACT),
        "may_end_keywork": has_permission(request.user, Permission.DECIDE_REFERRAL),
    }
    # The filter, kept on "See all" links and page links.
    return {"ctx": ctx, "filters": filters, "worker": scope.worker, "query": query_without_page(request)}


@permission_required(Permission.VIEW_PEOPLE)
def work_list_page(request, name):
    scope, filters = scope_for(request)
    definition = DEFINITIONS[name]
    page = paged(request, definition.rows(scope), what=f"work list: {name}")
    context = {
        "page_title": definition.worded(definition.title, scope),
        "name": name,
        "definition": definition,
        "page": page,
    }
    return render(request, "worklists/list.jinja", context | list_context(request, scope, filters))
