"""Why a single sign-on was refused, in words for the person refused: each reason has the page's
heading, what to do next, and the HTTP status. Every refusal is audited (keywork/sso/auditing.py)."""

from dataclasses import dataclass

ASK_FOR_A_ROLE = "Ask your IT service desk to give your organisation account one Keywork role and one service."


@dataclass(frozen=True)
class Reason:
    heading: str
    advice: str
    status: int = 403


REASONS = {
    "no_role": Reason("Your organisation account has no Keywork role", ASK_FOR_A_ROLE),
    "several_roles": Reason("Your organisation account has more than one Keywork role", ASK_FOR_A_ROLE),
    "no_service": Reason("Your organisation account is not linked to a Keywork service", ASK_FOR_A_ROLE),
    "several_services": Reason("Your organisation account is linked to more than one Keywork service", ASK_FOR_A_ROLE),
    "unknown_service": Reason(
        "Keywork is not set up for your service yet",
        "Ask your Keywork administrator to add your service, then sign in again.",
    ),
    "no_second_factor": Reason(
        "You need to sign in with a second step",
        "Keywork needs you to confirm it is you with a second step, such as a code from an authenticator app, "
        "when you sign in to your organisation account. Sign out of your organisation account, then sign in "
        "again and complete the second step. If you are not asked for one, contact your IT service desk.",
    ),
    "account_off": Reason(
        "Your Keywork account has been switched off",
        "Ask your team manager if you still need to use Keywork.",
    ),
    "cancelled": Reason(
        "You did not sign in",
        "Your organisation's sign-in service did not sign you in to Keywork, or the sign-in was cancelled.",
    ),
    "expired": Reason(
        "Your sign-in has expired",
        "Signing in took too long, or was started in another window. Try again.",
        status=400,
    ),
    "unconfirmed": Reason(
        "Keywork could not confirm who you are",
        "Your organisation's sign-in service did not confirm your sign-in in a way Keywork could check. "
        "Try again. If it happens again, contact your IT service desk.",
        status=502,
    ),
}


class SignInRefused(Exception):
    """A sign-in Keywork will not complete. `reason` is a key of REASONS; `claims` and `identity`,
    when known, say whose sign-in it was, for the audit log."""

    def __init__(self, reason: str, claims: dict | None = None, identity=None):
        super().__init__(reason)
        self.reason = reason
        self.claims = claims or {}
        self.identity = identity

    @property
    def explained(self) -> Reason:
        return REASONS[self.reason]
