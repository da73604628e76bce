from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import about_person, in_era
from keywork.keyworking.choices import EscalationLevel
from keywork.keyworking.models._dates import not_after_today, not_before
from keywork.locking import VersionedModel


class EscalationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_on__isnull=True)

    def awaiting_response(self):
        return self.open().filter(responded_on__isnull=True)


class Escalation(VersionedModel):
    """Keyworkers hold services to account: an issue escalated, and the answer it got."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="escalations")
    issue = models.TextField()
    escalated_to = models.CharField("Escalated to (organisation)", max_length=200)
    level = models.CharField(max_length=20, choices=EscalationLevel.choices)
    escalated_on = models.DateField()
    response_due_on = models.DateField()
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    resolved_on = models.DateField(null=True, blank=True)
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = EscalationQuerySet.as_manager()

    class Meta:
        ordering = ["-escalated_on", "-id"]

    def __str__(self) -> str:
        return f"Escalation to {self.escalated_to} on {self.escalated_on}"

    def clean(self) -> None:
        errors = {}
        not_after_today(errors, "escalated_on", self.escalated_on, "The date of the escalation")
        person = self.person if self.person_id else None
        about_person(errors, "escalated_on", self.escalated_on, person, "The date of the escalation")
        in_era(errors, "response_due_on", self.response_due_on, "The date the response is due")
        not_before(
            errors,
            "response_due_on",
            self.response_due_on,
            self.escalated_on,
            "The response must be due on or after the escalation",
        )
        not_after_today(errors, "responded_on", self.responded_on, "The response date")
        not_before(
            errors,
            "responded_on",
            self.responded_on,
            self.escalated_on,
            "The response date must be on or after the escalation",
        )
        not_before(
            errors,
            "resolved_on",
            self.resolved_on,
            self.escalated_on,
            "The resolved date must be on or after the escalation",
        )
        if self.responded_on and not (self.response or "").strip():
            errors["response"] = "Enter the response"
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return self.resolved_on is None and self.responded_on is None and self.response_due_on < timezone.localdate()
