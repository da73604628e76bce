"""Which Keywork account an organisation account signs in as."""

import re

from django.conf import settings
from django.db import models
from django.utils import timezone

from keywork.accounts.models import User


class SSOIdentity(models.Model):
    """An organisation account, named as OpenID Connect names it: the issuer and the subject ("sub")
    it gives the person, which together never change and are never given to anyone else (OpenID
    Connect Core 1.0, 5.7). Accounts are found by these alone, never by e-mail address: an address
    can be changed, reused or, at some providers, set by the user without proof, so matching on it
    would let someone sign in as another person's existing Keywork account."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sso_identity")
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_signed_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "single sign-on identity"
        verbose_name_plural = "single sign-on identities"
        constraints = [models.UniqueConstraint(fields=["issuer", "subject"], name="sso_identity_one_account")]

    def __str__(self) -> str:
        return f"{self.user} at {self.issuer}"

    @classmethod
    def find(cls, claims: dict) -> "SSOIdentity | None":
        return cls.objects.select_related("user").filter(issuer=claims["iss"], subject=claims["sub"]).first()

    @classmethod
    def create_account(cls, claims: dict, details: dict) -> "SSOIdentity":
        """A new Keywork account for the organisation account, with no password: it signs in only
        through the identity provider."""
        user = User(username=unused_username(claims), **details)
        user.set_unusable_password()
        user.save()
        return cls.objects.create(
            user=user, issuer=claims["iss"], subject=claims["sub"], last_signed_in_at=timezone.now()
        )

    def update_account(self, details: dict) -> dict:
        """Sets the account's role, service and name from this sign-in's claims, on every sign-in, so
        that the organisation's directory is where a role or service is given and taken away.
        Returns what changed."""
        user = self.user
        changed = {name: value for name, value in details.items() if getattr(user, name) != value}
        for name, value in changed.items():
            setattr(user, name, value)
        if changed:
            user.save(update_fields=list(changed))
        self.last_signed_in_at = timezone.now()
        self.save(update_fields=["last_signed_in_at"])
        return changed


def unused_username(claims: dict) -> str:
    """The name the audit log shows for the account: the organisation's sign-in name where no
    Keywork account has it (it is never matched to one that has), else with a number after it."""
    given = claims.get("preferred_username") or claims.get("email") or claims.get("name")
    # The characters Django allows in a username (letters, digits and @.+-_).
    base = re.sub(r"[^\w.@+-]+", "-", given if isinstance(given, str) else "")[:140] or "sso-user"
    username, number = base, 1
    while User.objects.filter(username=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username
