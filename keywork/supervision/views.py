"""Supervision pages: the sessions a user may see (with notes only where they may read them, each
showing audited), and recording a session."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.pages import handle_form
from keywork.register.access import paged, query_without_page, scoped
from keywork.supervision import operations
from keywork.supervision.forms import SupervisionForm
from keywork.supervision.models import Supervision
from keywork.supervision.rules import may_read_notes, supervision_overdue


def _visible(request):
    """Managers see the service's sessions; anyone else only those they were supervised or supervised in."""
    sessions = scoped(request, Supervision).select_related("supervisee", "supervisor")
    if has_permission(request.user, Permission.MANAGE_WORKFORCE):
        return sessions
    return sessions.filter(Q(supervisee=request.user) | Q(supervisor=request.user))


@permission_required(Permission.RECORD_SUPERVISION)
def supervision_list(request):
    sessions = paged(request, _visible(request), what="supervision", people_of=lambda session: [])
    readable = {session.pk for session in sessions if may_read_notes(request.user, session)}
    operations.notes_shown(audit.Actor.from_request(request), [s for s in sessions if s.pk in readable])
    today = timezone.localdate()
    overdue = supervision_overdue(request.service, today)
    if not has_permission(request.user, Permission.MANAGE_WORKFORCE):
        overdue = {worker: s for worker, s in overdue.items() if request.user.pk in (worker, s.supervisor_id)}
    context = {
        "page_title": "Supervision",
        "sessions": sessions,
        "readable": readable,
        "overdue": sorted(overdue.values(), key=lambda s: s.next_due_on),
        "query": query_without_page(request),
        "today": today,
    }
    return render(request, "supervision/list.jinja", context)


@permission_required(Permission.RECORD_SUPERVISION)
def add_supervision(request):
    form = SupervisionForm(request.POST or None, service=request.service)

    def save(actor, form):
        session = form.instance
        if not has_permission(request.user, Permission.MANAGE_WORKFORCE) and request.user.pk not in (
            session.supervisee_id,
            session.supervisor_id,
        ):
            # Only managers record others' supervision: the notes are the pair's and managers'.
            raise ValidationError({"supervisor": "Record only supervision you gave or received"})
        operations.record(actor, session)
        return "supervision:list"

    return handle_form(request, form, save, "Supervision recorded", "Record a supervision")
