"""The one permission mechanism: what each role may do, and which records a user may reach.

Every page and every API route names the permission it needs with `@permission_required`;
every query of a person's record goes through `people_for(request)`, scoped to the service.
Another service's record is not found (404); a role without the right is refused (403).
"""

from enum import StrEnum
from functools import wraps

from django.core.exceptions import PermissionDenied

from keywork.accounts.models import Role


class Permission(StrEnum):
    VIEW_AGGREGATES = "view_aggregates"
    VIEW_PEOPLE = "view_people"
    ADD_PERSON = "add_person"
    EDIT_PERSON = "edit_person"
    CHANGE_RATING = "change_rating"
    RECORD_CONSENT = "record_consent"
    REMOVE_FROM_REGISTER = "remove_from_register"
    VIEW_PERSON_AUDIT = "view_person_audit"
    SEARCH_AUDIT = "search_audit"


_CASEWORK = {
    Permission.VIEW_AGGREGATES,
    Permission.VIEW_PEOPLE,
    Permission.ADD_PERSON,
    Permission.EDIT_PERSON,
    Permission.CHANGE_RATING,
    Permission.RECORD_CONSENT,
}
_OVERSIGHT = _CASEWORK | {Permission.REMOVE_FROM_REGISTER, Permission.VIEW_PERSON_AUDIT}

ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    Role.KEYWORKER: frozenset(_CASEWORK),
    Role.COORDINATOR: frozenset(_CASEWORK | {Permission.REMOVE_FROM_REGISTER}),
    Role.MANAGER: frozenset(_OVERSIGHT),
    Role.LEAD: frozenset(_OVERSIGHT),
    # Commissioners see aggregate figures only, never a name or an NHS number.
    Role.COMMISSIONER: frozenset({Permission.VIEW_AGGREGATES}),
    Role.ADMIN: frozenset(set(Permission)),
}


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
                raise PermissionDenied(f"Your role does not allow this ({permission})")
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission
        return wrapped

    return decorator


def people_for(request):
    """The people a request may reach: those of the service it acts in, and no others."""
    from keywork.register.models import Person

    return Person.objects.filter(service=request.service)
