"""Supervision pages: the supervision, appraisals and training a user may see (notes and objectives
only where they may read them, each showing audited), and recording each."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.pages import handle_form
from keywork.register.access import paged, query_without_page, scoped
from keywork.supervision import operations
from keywork.supervision.forms import AppraisalForm, SupervisionForm, TrainingForm
from keywork.supervision.models import Appraisal, Supervision, Training
from keywork.supervision.rules import may_read_notes, supervision_overdue

RECENT = 20  # appraisals and training shown on the page, latest first


def _manages(request) -> bool:
    return has_permission(request.user, Permission.MANAGE_WORKFORCE)


def _visible(request, model, who=("supervisee", "supervisor")):
    """Managers see the service's records; anyone else only those they are named in."""
    records = scoped(request, model).select_related(*who)
    if _manages(request):
        return records
    named = Q()
    for field in who:
        named |= Q(**{field: request.user})
    return records.filter(named)


@permission_required(Permission.RECORD_SUPERVISION)
def supervision_list(request):
    sessions = paged(request, _visible(request, Supervision), what="supervision", people_of=lambda session: [])
    appraisals = list(_visible(request, Appraisal)[:RECENT])
    readable = [r for r in [*sessions, *appraisals] if may_read_notes(request.user, r)]
    operations.private_shown(audit.Actor.from_request(request), readable)
    today = timezone.localdate()
    overdue = supervision_overdue(request.service, today)
    if not _manages(request):
        overdue = {worker: s for worker, s in overdue.items() if request.user.pk in (worker, s.supervisor_id)}
    context = {
        "page_title": "Supervision, appraisal and training",
        "sessions": sessions,
        "appraisals": appraisals,
        "training": list(_visible(request, Training, who=("worker",))[:RECENT]),
        "readable": {(r._meta.model_name, r.pk) for r in readable},
        "overdue": sorted(overdue.values(), key=lambda s: s.next_due_on),
        "query": query_without_page(request),
    }
    return render(request, "supervision/list.jinja", context)


def _add(request, form_class, who: tuple[str, ...], done: str, title: str):
    """Record one; someone who does not manage the workforce records only what names them."""
    form = form_class(request.POST or None, service=request.service)

    def save(actor, form):
        named = {getattr(form.instance, f"{field}_id") for field in who}
        if not _manages(request) and request.user.pk not in named:
            raise ValidationError({who[-1]: "Record only what you took part in"})
        operations.record(actor, form.instance)
        return "supervision:list"

    return handle_form(request, form, save, done, title)


@permission_required(Permission.RECORD_SUPERVISION)
def add_supervision(request):
    return _add(request, SupervisionForm, ("supervisee", "supervisor"), "Supervision recorded", "Record a supervision")


@permission_required(Permission.RECORD_SUPERVISION)
def add_appraisal(request):
    return _add(request, AppraisalForm, ("supervisee", "supervisor"), "Appraisal recorded", "Record an appraisal")


@permission_required(Permission.RECORD_SUPERVISION)
def add_training(request):
    return _add(request, TrainingForm, ("worker",), "Training recorded", "Record training")
