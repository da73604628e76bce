"""The home page: each role's own starting point.

A keyworker's is their work for today and the week; a manager's, the counts of what waits on the
team and the team's work, each row naming its keyworker; everyone else's (commissioners) the
register's figures, as the audience may see them (keywork/accounts/audience.py).
"""

from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.audience import audience_for
from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.figures.inpatients import without_a_keyworker
from keywork.inpatient.schedule import without_keyworker_url
from keywork.register.access import listed, people_for
from keywork.register.choices import Rating
from keywork.reporting.overview import overview
from keywork.worklists.team import team_counts
from keywork.worklists.views import list_context, scope_for
from keywork.worklists.work import every_list

# Rows of each list on the home page; the rest are a "See all" link away.
HOME_ROWS = 5


@permission_required(Permission.VIEW_AGGREGATES)
def home(request):
    user = request.user
    if user.role == Role.KEYWORKER or has_permission(user, Permission.VIEW_TEAM_WORK):
        return _work_home(request)
    audience, today = audience_for(request), timezone.localdate()
    figures = overview(people_for(request), request.service, audience.suppressed, today)
    context = {"page_title": "Home", "figures": figures, "ratings": Rating, "audience": audience}
    context["may_see_people"] = audience.may_see_true_counts
    if has_permission(user, Permission.VIEW_PEOPLE):
        # As on a manager's home (worklists/team.py): a count that leads to the inpatients named.
        context["inpatients_without_a_keyworker"] = without_a_keyworker(people_for(request), today)
        context["inpatients_without_a_keyworker_url"] = without_keyworker_url()
    return render(request, "reporting/home.jinja", context)


def _work_home(request):
    scope, filters = scope_for(request)
    work = every_list(scope, HOME_ROWS)
    # Every list's first rows, in the page's one audit entry.
    listed(request, [row for work_list in work.values() for row in work_list.rows], what="home: work lists")
    context = {"work": work} | list_context(request, scope, filters)
    if filters is None:
        return render(request, "worklists/my_work.jinja", context | {"page_title": "My work"})
    today = timezone.localdate()
    figures = overview(scope.people, request.service, False, today)
    context |= {"counts": team_counts(scope.people, today), "figures": figures, "ratings": Rating}
    return render(request, "worklists/team_home.jinja", context | {"page_title": "Home"})
