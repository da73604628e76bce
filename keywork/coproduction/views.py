"""The co-production log's pages: a service's events (counts shown by audience_for, as they may
leave the service for those who see no records), one event with its links, and the form."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.coproduction import operations, rules
from keywork.coproduction.forms import EngagementForm
from keywork.coproduction.models import Engagement
from keywork.pages import handle_form
from keywork.presenters import uk_long_date
from keywork.register.access import paged, scoped


def shown_attendance(engagement, audience) -> dict:
    """The event's attendance as this audience may see it (true counts, or suppressed)."""
    if audience.suppressed:
        return rules.published_attendance(engagement, audience.threshold).cells
    return rules.attendance(engagement)


@permission_required(Permission.VIEW_PROGRAMME)
def engagements(request):
    audience = audience_for(request)
    # Service records, not people's: the list names no one, so its reading needs no audit entry.
    page = paged(request, scoped(request, Engagement), what="co-production events", people_of=lambda row: [])
    context = {
        "page_title": "Co-production log",
        "page": page,
        "rows": [(engagement, shown_attendance(engagement, audience)) for engagement in page.object_list],
        "audience": audience,
        "may_record": has_permission(request.user, Permission.RECORD_COPRODUCTION),
    }
    return render(request, "coproduction/list.jinja", context)


@permission_required(Permission.VIEW_PROGRAMME)
def engagement(request, engagement_id):
    record = get_object_or_404(scoped(request, Engagement).prefetch_related("milestones", "risks"), pk=engagement_id)
    audience = audience_for(request)
    context = {
        "page_title": record.title,
        "engagement": record,
        "attendance": shown_attendance(record, audience),
        "audience": audience,
        "may_record": has_permission(request.user, Permission.RECORD_COPRODUCTION),
    }
    return render(request, "coproduction/engagement.jinja", context)


@permission_required(Permission.RECORD_COPRODUCTION)
def edit_engagement(request, engagement_id=None):
    if engagement_id:
        record = get_object_or_404(scoped(request, Engagement), pk=engagement_id)
    else:
        record = Engagement(service=request.service)
    form = EngagementForm(request.POST or None, instance=record, service=request.service)
    return handle_form(
        request,
        form,
        operations.save_form,
        lambda f: f"{f.instance.get_kind_display()} on {uk_long_date(f.instance.held_on)} saved",
        "Change a co-production event" if engagement_id else "Record co-production",
        done_url=record.get_absolute_url() if engagement_id else None,
        back_url=record.get_absolute_url() if engagement_id else reverse("coproduction:list"),
    )
