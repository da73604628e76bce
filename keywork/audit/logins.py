"""Failed logins go into the audit log. Accounts sits below audit in the import layers, so the login
page cannot call audit.record(); this receiver of Django's user_login_failed signal (sent for a wrong
password and for every try that django-axes refuses during a lockout) writes the entry instead."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from keywork.audit.address import client_address
from keywork.audit.models import AuditEntry, Operation


def record_failed_login(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD, "")
    account = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    # An unknown username is not kept: people sometimes type their password into that box.
    changes = {"username": username} if account else {"account": "no such account"}
    changes["locked_out"] = bool(getattr(request, "axes_locked_out", False))
    AuditEntry.objects.create(
        system_process="login",
        service=account.service if account else None,
        operation=Operation.LOGIN_FAILED,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(account.pk) if account else "",
        changes=changes,
        ip_address=client_address(request),
        path=request.get_full_path()[:500],
    )
