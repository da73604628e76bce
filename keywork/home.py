"""The home page: each role's own starting point."""

from django.shortcuts import render

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.register.access import people_for
from keywork.register.choices import Rating
from keywork.reporting.overview import overview
from keywork.worklists.work import work_for

TEAM_LIST_LIMIT = 30


@permission_required(Permission.VIEW_AGGREGATES)
def home(request):
    user = request.user
    if user.role == Role.KEYWORKER:
        work = work_for(people_for(request), worker=user)
        return render(request, "worklists/my_work.jinja", {"page_title": "My work", "work": work, "team": False})
    may_see_people = has_permission(user, Permission.VIEW_PEOPLE)
    # People who may not see names (commissioners) see counts with small numbers suppressed.
    figures = overview(people_for(request), request.service, suppressed=not may_see_people)
    context = {"page_title": "Home", "figures": figures, "ratings": Rating, "may_see_people": may_see_people}
    if has_permission(user, Permission.VIEW_TEAM_WORK):
        context |= {"work": work_for(people_for(request), limit=TEAM_LIST_LIMIT), "team": True}
    return render(request, "reporting/home.jinja", context)
