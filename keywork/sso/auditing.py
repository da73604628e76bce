"""Single sign-ons in the audit log, like password logins (keywork/audit/logins.py): each refusal
as a failed login, written by the "sso" process since no one is signed in; each sign-in as the
creation of, or a change to, the account's identity, by the person signing in, with what it changed."""

from django.contrib.contenttypes.models import ContentType

from keywork import audit
from keywork.audit.address import client_address
from keywork.audit.models import AuditEntry, Operation
from keywork.sso.models import SSOIdentity
from keywork.sso.refusals import SignInRefused

PROCESS = "sso"


def _actor(request, user=None, service=None) -> audit.Actor:
    return audit.Actor(
        user=user,
        service=service,
        ip_address=client_address(request),
        path=request.get_full_path()[:500],
        system_process="" if user else PROCESS,
    )


def record_signed_in(request, identity: SSOIdentity, *, created: bool, changed: dict) -> None:
    user = identity.user
    # The service by its slug: the entry's changes are JSON.
    changes = {name: getattr(value, "slug", value) for name, value in changed.items()}
    operation = Operation.CREATE if created else Operation.UPDATE
    audit.record(_actor(request, user, user.service), operation, identity, changes={"signed_in": True, **changes})


def record_refused(request, refusal: SignInRefused) -> None:
    claims = refusal.claims
    changes = {"reason": refusal.reason, "issuer": claims.get("iss", ""), "subject": claims.get("sub", "")}
    if request.GET.get("error"):
        changes["provider_error"] = request.GET["error"][:100]
    identity = refusal.identity
    if identity is not None:
        audit.record(_actor(request, service=identity.user.service), Operation.LOGIN_FAILED, identity, changes=changes)
        return
    # No Keywork account yet: the entry names the organisation account by its issuer and subject.
    AuditEntry.objects.create(
        system_process=PROCESS,
        operation=Operation.LOGIN_FAILED,
        content_type=ContentType.objects.get_for_model(SSOIdentity),
        object_id="",
        changes=changes,
        ip_address=client_address(request),
        path=request.get_full_path()[:500],
    )
