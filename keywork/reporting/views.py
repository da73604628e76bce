from django.shortcuts import render

from keywork.accounts.permissions import Permission, has_permission, people_for, permission_required
from keywork.register.choices import Rating
from keywork.reporting.overview import overview


@permission_required(Permission.VIEW_AGGREGATES)
def home(request):
    # People who may not see names (commissioners) see counts with small numbers suppressed.
    may_see_people = has_permission(request.user, Permission.VIEW_PEOPLE)
    figures = overview(people_for(request), request.service, suppressed=not may_see_people)
    return render(request, "reporting/home.jinja", {
        "page_title": "Home", "figures": figures, "ratings": Rating, "may_see_people": may_see_people,
    })  # fmt: skip
