"""The provider's client and its three fictitious people, with the claims their ID tokens carry
(as Microsoft Entra ID would: app roles in "roles", the organisation's tenant in "tid", and "amr")."""

CLIENT_ID = "keywork-test-client"
CLIENT_SECRET = "keywork-test-client-secret"  # noqa: S105 - a test provider's client
PASSWORD = "provider-test-password"  # noqa: S105 - a test provider's people
TENANT = "9a7c2f0e-0000-4000-8000-00000000c0de"

MANAGER = "kim.jones@council.example"
UNMAPPED = "pat.lee@council.example"
NO_SECOND_FACTOR = "sam.cole@council.example"

PEOPLE = {
    MANAGER: {"name": "Kim Jones", "roles": ["Keywork.Manager"], "tid": TENANT, "amr": ["pwd", "mfa"]},
    UNMAPPED: {"name": "Pat Lee", "roles": ["Payroll.Reader"], "tid": TENANT, "amr": ["pwd", "mfa"]},
    NO_SECOND_FACTOR: {"name": "Sam Cole", "roles": ["Keywork.Manager"], "tid": TENANT, "amr": ["pwd"]},
}


def add_claims(id_token, user, token, request, **kwargs):
    """settings.OIDC_IDTOKEN_PROCESSING_HOOK: the person's claims in their ID token."""
    return {**id_token, "preferred_username": user.username, **PEOPLE[user.username]}
