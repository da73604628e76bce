"""Supervision API routes under /api/supervision: the same permissions, rules, operations and audit
as the pages. Notes come back only to the pair and managers (null to anyone else), each showing
audited."""

from django.core.exceptions import ValidationError
from ninja import Query, Router, Status

from keywork import audit
from keywork.accounts.models import User
from keywork.accounts.permissions import Permission, permission_required
from keywork.register.access import scoped
from keywork.schemas import Page
from keywork.supervision import operations
from keywork.supervision.access import check_may_record, visible
from keywork.supervision.models import Supervision
from keywork.supervision.rules import may_read_notes
from keywork.supervision.schemas import SupervisionIn, SupervisionOut

router = Router(tags=["Supervision"])


def _out(session, readable: bool) -> dict:
    fields = ("id", "supervisee_id", "supervisor_id", "kind", "held_on", "next_due_on")
    return {name: getattr(session, name) for name in fields} | {"notes": session.notes if readable else None}


def _staff(request, user_id: int, field: str):
    user = scoped(request, User).filter(pk=user_id).first()
    if user is None:
        raise ValidationError({field: f"No user {user_id} in this service"})
    return user


@router.get("/supervision", response=list[SupervisionOut])
@permission_required(Permission.RECORD_SUPERVISION)
def list_supervision(request, page: Query[Page]):
    sessions = list(page.of(visible(request, Supervision)))
    readable = [s for s in sessions if may_read_notes(request.user, s)]
    operations.private_shown(audit.Actor.from_request(request), readable)
    return [_out(session, session in readable) for session in sessions]


@router.post("/supervision", response={201: SupervisionOut})
@permission_required(Permission.RECORD_SUPERVISION)
def add_supervision(request, payload: SupervisionIn):
    session = Supervision(
        service=request.service,
        supervisee=_staff(request, payload.supervisee_id, "supervisee_id"),
        supervisor=_staff(request, payload.supervisor_id, "supervisor_id"),
        kind=payload.kind,
        held_on=payload.held_on,
        notes=payload.notes,
        next_due_on=payload.next_due_on,
    )
    session.full_clean(exclude=["recorded_by"])
    check_may_record(request, session)
    return Status(201, _out(operations.record(audit.Actor.from_request(request), session), readable=True))
