"""Who reaches which supervision, appraisal and training records: managers (those who manage the
workforce) the service's; anyone else only the records naming them. Pages and the API share these."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.access import scoped

PAIR = ("supervisee", "supervisor")


def manages(request) -> bool:
    return has_permission(request.user, Permission.MANAGE_WORKFORCE)


def visible(request, model, who=PAIR):
    """The records of `model` the request may see, with the people named on them."""
    records = scoped(request, model).select_related(*who)
    if manages(request):
        return records
    named = Q()
    for field in who:
        named |= Q(**{field: request.user})
    return records.filter(named)


def check_may_record(request, record, who=PAIR) -> None:
    """Someone who does not manage the workforce records only what names them."""
    if not manages(request) and request.user.pk not in {getattr(record, f"{field}_id") for field in who}:
        raise ValidationError({who[-1]: "Record only what you took part in"})
