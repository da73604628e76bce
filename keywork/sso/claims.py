"""What an identity provider's claims mean in Keywork: whether the token was issued to us, the role
and service its claims map to (settings.SSO_ROLE_MAP and SSO_SERVICE_MAP), and whether the person
gave a second factor. A claim that maps to nothing, or to more than one role or service, refuses
the sign-in rather than guessing."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.validators import validate_email

from keywork.accounts.models import Role, WorkerType
from keywork.sso.refusals import SignInRefused

# RFC 8176: the "amr" value for multiple-factor authentication.
MULTI_FACTOR = "mfa"


@dataclass(frozen=True)
class Grant:
    """The role (and, for a keyworker, the worker type) a sign-in gives its account."""

    role: str
    worker_type: str = ""


def parse_grant(value: str) -> Grant:
    """ "manager", or "keyworker:peer_associate": a keyworker always has a worker type (accounts.User.clean)."""
    role, _, worker_type = value.partition(":")
    if role not in Role.values:
        raise ImproperlyConfigured(f"SSO_ROLE_MAP: {role!r} is not a Keywork role ({', '.join(Role.values)})")
    if (role == Role.KEYWORKER) != bool(worker_type) or (worker_type and worker_type not in WorkerType.values):
        raise ImproperlyConfigured(
            f"SSO_ROLE_MAP: {value!r}: keyworkers need a worker type ({', '.join(WorkerType.values)}), "
            "as in keyworker:peer_associate, and other roles have none"
        )
    return Grant(role, worker_type)


def check_maps(role_map: dict, service_map: dict) -> None:
    if not role_map or not service_map:
        raise ImproperlyConfigured("Single sign-on needs SSO_ROLE_MAP and SSO_SERVICE_MAP")
    for value in role_map.values():
        parse_grant(value)
    if not all(isinstance(slug, str) and slug for slug in service_map.values()):
        raise ImproperlyConfigured("SSO_SERVICE_MAP maps claim values to service slugs")


def claim_values(claims: dict, name: str) -> list[str]:
    """A claim as a list of strings: providers send one value as a string and several as a list."""
    value = claims.get(name)
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


def check_issued_to_us(claims: dict) -> None:
    """The signature is checked by mozilla-django-oidc; who issued the token, and for whom, is not."""
    audience = claims.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    if (
        claims.get("iss") != settings.OIDC_OP_ISSUER
        or settings.OIDC_RP_CLIENT_ID not in audiences
        or not isinstance(claims.get("sub"), str)
        or not claims["sub"]
    ):
        raise SignInRefused("unconfirmed", claims)


def gave_second_factor(claims: dict) -> bool:
    """ "mfa" in "amr" (RFC 8176; Entra ID's v1.0 tokens), or an "acr" (or Entra ID's "acrs") value
    that settings.SSO_MFA_ACR_VALUES says means a second factor was given."""
    if MULTI_FACTOR in claim_values(claims, "amr"):
        return True
    accepted = set(settings.SSO_MFA_ACR_VALUES)
    return bool(accepted.intersection(claim_values(claims, "acr") + claim_values(claims, "acrs")))


def mapped(claims: dict, claim: str, mapping: dict, *, none: str, several: str) -> str:
    """The one value `mapping` gives the claim's values."""
    found = {mapping[value] for value in claim_values(claims, claim) if value in mapping}
    if not found:
        raise SignInRefused(none, claims)
    if len(found) > 1:
        raise SignInRefused(several, claims)
    return found.pop()


def grant_from(claims: dict) -> Grant:
    value = mapped(claims, settings.SSO_ROLE_CLAIM, settings.SSO_ROLE_MAP, none="no_role", several="several_roles")
    return parse_grant(value)


def service_slug_from(claims: dict) -> str:
    mapping = settings.SSO_SERVICE_MAP
    return mapped(claims, settings.SSO_SERVICE_CLAIM, mapping, none="no_service", several="several_services")


def account_details(claims: dict, grant: Grant, service) -> dict:
    """The account's role, service, name and e-mail address, as this sign-in's claims give them."""
    given, family = _text(claims, "given_name"), _text(claims, "family_name")
    if not (given or family):
        given, _, family = _text(claims, "name").rpartition(" ")
    email = _text(claims, "email")
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    return {
        "role": grant.role,
        "worker_type": grant.worker_type,
        "service": service,
        "first_name": given[:150],
        "last_name": family[:150],
        "email": email,
    }


def _text(claims: dict, name: str) -> str:
    value = claims.get(name)
    return value.strip() if isinstance(value, str) else ""
