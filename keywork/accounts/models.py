"""Users of Keywork: each belongs to one service and has one role."""

import datetime
import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import Signal
from django.utils import timezone

from keywork.services.models import Service

# Sent with `token`, and the `request` of the administrator who revoked it or the `process` (a
# management command) that did, for the audit log to record.
api_token_revoked = Signal()
# Sent with the `request` of the administrator who changed a setting of their service on an accounts
# page (the idle timeout), the `record` changed and its `changes`, for the audit log to record.
service_setting_changed = Signal()


class Role(models.TextChoices):
    KEYWORKER = "keyworker", "Keyworker"
    MANAGER = "manager", "Team manager"
    LEAD = "lead", "Programme lead"
    COORDINATOR = "coordinator", "DSR coordinator"
    COMMISSIONER = "commissioner", "Commissioner"
    ADMIN = "admin", "Administrator"
    # Sees every service's aggregated, suppressed figures side by side (NHS England region, national team).
    REGIONAL = "regional", "Regional or national viewer"


class WorkerType(models.TextChoices):
    """The multi-functional team of Kent and Medway's keyworker service (domain.md)."""

    PRACTICE_CONSULTANT = "practice_consultant", "Practice Consultant"
    BEHAVIOUR_TEAM = "behaviour_team", "Behaviour Team"
    PEER_ASSOCIATE = "peer_associate", "Peer Associate"


class User(AbstractUser):
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="users", null=True)
    role = models.CharField(max_length=20, choices=Role.choices)
    worker_type = models.CharField(max_length=30, choices=WorkerType.choices, blank=True)
    # Administrators may manage services besides their own.
    other_services = models.ManyToManyField(Service, blank=True, related_name="administrators")
    # Demo users can only log in while KEYWORK_DEMO is on (see backends.py).
    is_demo = models.BooleanField(default=False)

    def clean(self) -> None:
        super().clean()
        if self.role == Role.KEYWORKER and not self.worker_type:
            raise ValidationError({"worker_type": "Choose the keyworker's worker type"})
        if self.role != Role.KEYWORKER and self.worker_type:
            raise ValidationError({"worker_type": "Only keyworkers have a worker type"})

    @property
    def display_name(self) -> str:
        """The name shown for a member of staff: their full name, or their username if none is set."""
        return self.get_full_name() or self.username

    @property
    def display_role(self) -> str:
        if self.worker_type:
            return self.get_worker_type_display()
        return self.get_role_display()

    def services_managed(self) -> list[Service]:
        """The services this user may act in: their own, and for administrators any others."""
        services = [self.service] if self.service_id else []
        if self.role == Role.ADMIN:
            services += [s for s in self.other_services.all() if s.pk != self.service_id]
        return services


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# A token lives 90 days unless its issuer chooses otherwise, and never more than a year: a token
# copied into a forgotten script stops working rather than reading people's records for ever.
TOKEN_DEFAULT_DAYS = 90
TOKEN_MOST_DAYS = 365
# Recording each call's time would write a row on every API request: once a minute is enough to
# tell a token in use from one forgotten.
LAST_USED_EVERY = datetime.timedelta(minutes=1)


class TokenStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    EXPIRED = "expired", "Expired"
    REVOKED = "revoked", "Revoked"


class ApiToken(models.Model):
    """A per-user API token. Only its hash is stored: the token itself is shown once. Its first
    characters (`prefix`) are kept to tell tokens apart on the tokens page and to revoke one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=12, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, user: User, name: str, days: int = TOKEN_DEFAULT_DAYS) -> tuple["ApiToken", str]:
        if not 1 <= days <= TOKEN_MOST_DAYS:
            raise ValidationError({"expires_at": f"A token must expire within 1 to {TOKEN_MOST_DAYS} days"})
        token = "kw_" + secrets.token_urlsafe(32)
        expires_at = timezone.now() + datetime.timedelta(days=days)
        issued = cls.objects.create(
            user=user, name=name, token_hash=hash_token(token), prefix=token[:10], expires_at=expires_at
        )
        return issued, token

    @classmethod
    def of_service(cls, service):
        """The tokens of the users of `service`: the only ones its administrators see or revoke."""
        return cls.objects.filter(user__service=service).select_related("user")

    @classmethod
    def find(cls, token: str) -> "ApiToken | None":
        """The live (not revoked) token of an active user, expired or not: the caller says which."""
        return (
            cls.objects.select_related("user__service")
            .filter(token_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )

    @property
    def status(self) -> TokenStatus:
        if self.revoked_at:
            return TokenStatus.REVOKED
        if self.is_expired:
            return TokenStatus.EXPIRED
        return TokenStatus.ACTIVE

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    def record_use(self) -> None:
        """Note that the token was used now, unless that was noted less than a minute ago."""
        now = timezone.now()
        if self.last_used_at is None or now - self.last_used_at >= LAST_USED_EVERY:
            type(self).objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now

    def revoke(self, *, request=None, process: str = "") -> bool:
        """Revoke the token (False if it already was). Accounts sits below the audit log, so the
        audit entry is written by the receiver of `api_token_revoked` (keywork/audit/)."""
        if self.revoked_at:
            return False
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
        api_token_revoked.send(sender=type(self), token=self, request=request, process=process)
        return True
