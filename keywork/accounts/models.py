"""Users of Keywork: each belongs to one service and has one role."""

import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models

from keywork.services.models import Service


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


class ApiToken(models.Model):
    """A per-user API token. Only its hash is stored: the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.user})"

    @classmethod
    def issue(cls, user: User, name: str) -> tuple["ApiToken", str]:
        token = "kw_" + secrets.token_urlsafe(32)
        return cls.objects.create(user=user, name=name, token_hash=hash_token(token)), token

    @classmethod
    def user_for(cls, token: str) -> User | None:
        found = (
            cls.objects.select_related("user__service")
            .filter(token_hash=hash_token(token), revoked_at__isnull=True, user__is_active=True)
            .first()
        )
        return found.user if found else None
