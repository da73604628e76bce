"""Supervision pages: the supervision, appraisals and training a user may see (notes and objectives
only where they may read them, each showing audited), and recording each."""

from django.shortcuts import render
from django.utils import timezone

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.register.access import paged, query_without_page
from keywork.supervision import operations
from keywork.supervision.access import PAIR, check_may_record, manages, visible
from keywork.supervision.forms import AppraisalForm, SupervisionForm, TrainingForm
from keywork.supervision.models import Appraisal, Supervision, Training
from keywork.supervision.rules import may_read_notes, supervision_overdue

RECENT = 20  # appraisals and training shown on the page, latest first


@permission_required(Permission.RECORD_SUPERVISION)
def supervision_list(request):
    sessions = paged(request, visible(request, Supervision), what="supervision", people_of=lambda session: [])
    appraisals = list(visible(request, Appraisal)[:RECENT])
    readable = [r for r in [*sessions, *appraisals] if may_read_notes(request.user, r)]
    operations.private_shown(audit.Actor.from_request(request), readable)
    today = timezone.localdate()
    overdue = supervision_overdue(request.service, today)
    if not manages(request):
        overdue = {worker: s for worker, s in overdue.items() if request.user.pk in (worker, s.supervisor_id)}
    context = {
        "page_title": "Supervision, appraisal and training",
        "sessions": sessions,
        "appraisals": appraisals,
        "training": list(visible(request, Training, who=("worker",))[:RECENT]),
        "readable": {(r._meta.model_name, r.pk) for r in readable},
        "overdue": sorted(overdue.values(), key=lambda s: s.next_due_on),
        "query": query_without_page(request),
    }
    return render(request, "supervision/list.jinja", context)


def _add(request, form_class, who: tuple[str, ...], done: str, title: str):
    """Record one (access.check_may_record: staff record only what names them)."""
    form = form_class(request.POST or None, service=request.service)

    def save(actor, form):
        check_may_record(request, form.instance, who)
        operations.record(actor, form.instance)
        return "supervision:list"

    return handle_form(request, form, save, done, title)


@permission_required(Permission.RECORD_SUPERVISION)
def add_supervision(request):
    return _add(request, SupervisionForm, PAIR, "Supervision recorded", "Record a supervision")


@permission_required(Permission.RECORD_SUPERVISION)
def add_appraisal(request):
    return _add(request, AppraisalForm, PAIR, "Appraisal recorded", "Record an appraisal")


@permission_required(Permission.RECORD_SUPERVISION)
def add_training(request):
    return _add(request, TrainingForm, ("worker",), "Training recorded", "Record training")
