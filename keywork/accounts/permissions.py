"""The one permission mechanism: what each role may do, and which records a user may reach.

Every page and every API route names the permission it needs with `@permission_required`;
every query of a person's record goes through `register.access.people_for(request)`, scoped to the
service. Another service's record is not found (404); a role without the right is refused (403).
"""

from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.dispatch import Signal

from keywork.accounts.models import Role, WorkerType


class Permission(StrEnum):
    VIEW_AGGREGATES = "view_aggregates"
    VIEW_PEOPLE = "view_people"
    # DSR meetings and their minutes with initials: a commissioner is a partner at the meeting, but
    # sees no one's record, so not the agenda or the full minutes (those need VIEW_PEOPLE).
    VIEW_MEETINGS = "view_meetings"
    ADD_PERSON = "add_person"
    EDIT_PERSON = "edit_person"
    CHANGE_RATING = "change_rating"
    RECORD_CONSENT = "record_consent"
    REMOVE_FROM_REGISTER = "remove_from_register"
    VIEW_PERSON_AUDIT = "view_person_audit"
    SEARCH_AUDIT = "search_audit"
    RECORD_REFERRAL = "record_referral"
    DECIDE_REFERRAL = "decide_referral"
    ALLOCATE = "allocate"
    RECORD_CONTACT = "record_contact"
    # Anyone working with a person who meets a safeguarding concern raises it; reading concerns is
    # for those who may read the person's restricted notes (may_read_restricted_notes).
    RAISE_SAFEGUARDING_CONCERN = "raise_safeguarding_concern"
    MANAGE_NETWORK = "manage_network"
    EDIT_PLAN = "edit_plan"
    RECORD_ESCALATION = "record_escalation"
    VIEW_TEAM_WORK = "view_team_work"
    RECORD_REVIEW = "record_review"
    # OT, educational psychology, communication and functional behaviour assessments: casework.
    RECORD_ASSESSMENT = "record_assessment"
    RECORD_ADMISSION = "record_admission"
    VIEW_PROGRAMME = "view_programme"
    MANAGE_PROGRAMME = "manage_programme"
    MANAGE_WORKFORCE = "manage_workforce"
    MANAGE_FEEDBACK = "manage_feedback"
    # The co-production log (keywork/coproduction): forum meetings, surveys and what changed.
    RECORD_COPRODUCTION = "record_coproduction"
    RECORD_OUTCOMES = "record_outcomes"
    RECORD_SYSTEM_LEARNING = "record_system_learning"
    EXPORT_REGISTER = "export_register"
    VIEW_REGIONAL = "view_regional"
    IMPORT_REGISTER = "import_register"
    MANAGE_SUBJECT_ACCESS = "manage_subject_access"
    PLACE_LEGAL_HOLD = "place_legal_hold"
    # Administrators only (they hold every permission): the service's idle timeout, and listing and
    # revoking its API tokens.
    MANAGE_SIGN_IN = "manage_sign_in"
    # Staff who are supervised or supervise: their own sessions (managers, with MANAGE_WORKFORCE, the team's).
    RECORD_SUPERVISION = "record_supervision"


_REGISTER = {
    Permission.VIEW_AGGREGATES,
    Permission.VIEW_PEOPLE,
    Permission.VIEW_MEETINGS,
    Permission.EDIT_PERSON,
    Permission.CHANGE_RATING,
    Permission.RECORD_CONSENT,
    Permission.RECORD_REFERRAL,
    Permission.MANAGE_NETWORK,
}
_KEYWORK = _REGISTER | {
    Permission.RECORD_CONTACT,
    Permission.RECORD_SUPERVISION,
    Permission.RAISE_SAFEGUARDING_CONCERN,
    Permission.EDIT_PLAN,
    Permission.RECORD_ESCALATION,
    Permission.RECORD_REVIEW,
    Permission.RECORD_ASSESSMENT,
    Permission.RECORD_ADMISSION,
    Permission.RECORD_OUTCOMES,
    Permission.RECORD_SYSTEM_LEARNING,
}
_OVERSIGHT = _KEYWORK | {
    Permission.ADD_PERSON,
    Permission.REMOVE_FROM_REGISTER,
    Permission.VIEW_PERSON_AUDIT,
    Permission.DECIDE_REFERRAL,
    Permission.ALLOCATE,
    Permission.VIEW_TEAM_WORK,
    Permission.VIEW_PROGRAMME,
    Permission.MANAGE_WORKFORCE,
    Permission.MANAGE_FEEDBACK,
    # Managers and the lead run forum meetings, surveys and focus groups with families.
    Permission.RECORD_COPRODUCTION,
    Permission.EXPORT_REGISTER,
    Permission.IMPORT_REGISTER,
    # Subject access packs hold everything on a person: managers answer them, not keyworkers.
    Permission.MANAGE_SUBJECT_ACCESS,
    # A hold (litigation, an inquiry, a complaint) stops retention archiving or erasing a record.
    Permission.PLACE_LEGAL_HOLD,
}

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    # Keyworkers work with the people allocated to them; the DSR coordinator keeps the register.
    Role.KEYWORKER: frozenset(_KEYWORK),
    Role.COORDINATOR: frozenset(
        _REGISTER
        | {
            Permission.ADD_PERSON,
            Permission.REMOVE_FROM_REGISTER,
            Permission.RECORD_REVIEW,
            Permission.RECORD_ADMISSION,
            Permission.EXPORT_REGISTER,
            # The coordinator keeps the register, so moves a service's spreadsheet into it.
            Permission.IMPORT_REGISTER,
            # Blocks in the system show up at DSR meetings as well as in casework.
            Permission.RECORD_SYSTEM_LEARNING,
            # A concern met at a DSR meeting or on the phone is raised there and then.
            Permission.RAISE_SAFEGUARDING_CONCERN,
            # The coordinator is supervised like the rest of the team.
            Permission.RECORD_SUPERVISION,
        }
    ),
    Role.MANAGER: frozenset(_OVERSIGHT),
    # The programme lead also runs the programme: KPIs, milestones, budget and risks.
    Role.LEAD: frozenset(_OVERSIGHT | {Permission.MANAGE_PROGRAMME}),
    # Commissioners see aggregate figures, KPIs, the budget and risks; never a name or an NHS number.
    Role.COMMISSIONER: frozenset({Permission.VIEW_AGGREGATES, Permission.VIEW_PROGRAMME, Permission.VIEW_MEETINGS}),
    Role.ADMIN: frozenset(set(Permission)),
    Role.REGIONAL: frozenset({Permission.VIEW_AGGREGATES, Permission.VIEW_REGIONAL}),
}


# Sent before a role is refused (403), with the request and the route's arguments, so the audit of
# refused attempts (register.access.refused_by_role, a layer above) can record it.
access_refused = Signal()


def has_permission(user, permission: Permission) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return permission in ROLE_PERMISSIONS.get(user.role, frozenset())


def permission_required(permission: Permission):
    """Refuse the view or API operation (403) unless the user's role grants `permission`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_permission(request.user, permission):
                access_refused.send(sender=view, request=request, kwargs=kwargs)
                raise PermissionDenied(f"Your role does not allow this ({permission})")
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


class NotesReach(StrEnum):
    ALL = "all"
    ALLOCATED = "allocated"
    NONE = "none"


def restricted_notes_reach(user) -> NotesReach:
    """Whose restricted notes `user` may read: everyone's (managers), their own people's (the
    people they are allocated to) or no one's. Peer Associates work for a partner organisation and
    never see them. The one rule for a restricted contact's notes and the follow-ups agreed at it."""
    if user is None:
        return NotesReach.NONE
    if user.role in (Role.MANAGER, Role.LEAD, Role.ADMIN):
        return NotesReach.ALL
    if user.role != Role.KEYWORKER or user.worker_type == WorkerType.PEER_ASSOCIATE:
        return NotesReach.NONE
    return NotesReach.ALLOCATED


def may_read_restricted_notes(user, person) -> bool:
    """Restricted notes are for the person's own workers and managers (restricted_notes_reach)."""
    reach = restricted_notes_reach(user)
    if reach != NotesReach.ALLOCATED:
        return reach == NotesReach.ALL
    return person.allocations.current().filter(worker=user).exists()
