from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import in_era


class Supervision(models.Model):
    """One supervision session: who was supervised, by whom, of what kind, and when the next is due.

    The notes are private to the pair and to managers (rules.may_read_notes); every time they are
    shown, and every change, is audited."""

    class Kind(models.TextChoices):
        CLINICAL = "clinical", "Clinical"
        MANAGERIAL = "managerial", "Managerial"
        REFLECTIVE = "reflective", "Reflective"

    # The supervisee's service, held so the records are reached only through it (register.access.scoped).
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="supervisions")
    supervisee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions")
    # Empty only on sessions moved from staff assurance, which recorded neither supervisor nor kind.
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="supervisions_given"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, blank=True)
    held_on = models.DateField("Date")
    notes = models.TextField(blank=True)
    next_due_on = models.DateField("Next due")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["supervisee", "held_on"])]

    def __str__(self) -> str:
        return f"Supervision of {self.supervisee} on {self.held_on}"

    def clean(self) -> None:
        errors = {}
        in_era(errors, "held_on", self.held_on, "The date")
        in_era(errors, "next_due_on", self.next_due_on, "The next due date")
        if self.held_on and "held_on" not in errors and self.held_on > timezone.localdate():
            errors["held_on"] = "The date must be today or in the past"
        if self.held_on and self.next_due_on and "next_due_on" not in errors and self.next_due_on <= self.held_on:
            errors["next_due_on"] = "The next due date must be after the date of this supervision"
        self._check_pair(errors)
        if errors:
            raise ValidationError(errors)

    def _check_pair(self, errors) -> None:
        if self.supervisee_id and self.service_id and self.supervisee.service_id != self.service_id:
            errors["supervisee"] = "Select someone of this service"
        # Who supervised and the kind are required by the form and the API (blank only on moved sessions).
        if not self.supervisor_id:
            return
        if self.supervisor_id == self.supervisee_id:
            errors["supervisor"] = "Select someone other than the person supervised"
        elif self.service_id and self.supervisor.service_id != self.service_id:
            errors["supervisor"] = "Select a supervisor of this service"
