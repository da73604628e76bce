"""Revoking an API token, and changing a service's setting on an accounts page, go into the audit
log. Accounts sits below audit in the import layers, so its pages and `manage.py revoke_api_token`
cannot call audit.record(); these receivers of accounts' signals write the entries instead (as
logins.py does for failed logins)."""

from keywork import audit
from keywork.audit.models import Operation


def record_token_revoked(sender, token, request=None, process="", **kwargs):
    if request is not None:
        actor = audit.Actor.from_request(request)
    else:
        actor = audit.Actor.system(process, token.user.service)
    changes = {"revoked_at": token.revoked_at, "name": token.name, "holder": token.user.username}
    audit.record(actor, Operation.UPDATE, token, changes=changes)


def record_service_setting_changed(sender, request, record, changes, **kwargs):
    audit.record(audit.Actor.from_request(request), Operation.UPDATE, record, changes=changes)
