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
        _check_dates(errors, self.held_on, self.next_due_on, "supervision")
        _check_pair(errors, self)
        if errors:
            raise ValidationError(errors)


class Appraisal(models.Model):
    """A yearly appraisal: who appraised whom, the objectives agreed, and when the next is due. Its
    objectives are read by the same people as supervision notes (rules.may_read_notes)."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="appraisals")
    supervisee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appraisals")
    supervisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_on = models.DateField("Date")
    objectives = models.TextField(help_text="One objective a line")
    next_due_on = models.DateField("Next due")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Appraisal of {self.supervisee} on {self.held_on}"

    @property
    def objective_list(self) -> list[str]:
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def clean(self) -> None:
        errors = {}
        _check_dates(errors, self.held_on, self.next_due_on, "appraisal")
        _check_pair(errors, self)
        if errors:
            raise ValidationError(errors)


class Training(models.Model):
    """Training a worker attended (their CPD), or training they delivered to partners (who, how many)."""

    class Kind(models.TextChoices):
        ATTENDED = "attended", "Attended (CPD)"
        DELIVERED = "delivered", "Delivered to partners"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="training")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    held_on = models.DateField("Date")
    topic = models.CharField(max_length=200)
    hours = models.DecimalField("Hours", max_digits=4, decimal_places=1)
    # Delivered only: who it was for (e.g. school staff, a ward team) and how many came.
    audience = models.CharField(max_length=200, blank=True)
    attendees = models.PositiveIntegerField("Number who attended", null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name_plural = "training"

    def __str__(self) -> str:
        return f"{self.topic} ({self.get_kind_display().lower()}) on {self.held_on}"

    def clean(self) -> None:
        errors = {}
        in_era(errors, "held_on", self.held_on, "The date")
        if self.held_on and "held_on" not in errors and self.held_on > timezone.localdate():
            errors["held_on"] = "The date must be today or in the past"
        if self.hours is not None and not 0 < self.hours <= 100:
            errors["hours"] = "Enter hours from 0.5 to 100"
        if self.kind == self.Kind.DELIVERED:
            if not (self.audience or "").strip():
                errors["audience"] = "Enter who the training was for"
            if not self.attendees:
                errors["attendees"] = "Enter how many attended, 1 or more"
        if self.worker_id and self.service_id and self.worker.service_id != self.service_id:
            errors["worker"] = "Select someone of this service"
        if errors:
            raise ValidationError(errors)


def _check_dates(errors, held_on, next_due_on, what: str) -> None:
    in_era(errors, "held_on", held_on, "The date")
    in_era(errors, "next_due_on", next_due_on, "The next due date")
    if held_on and "held_on" not in errors and held_on > timezone.localdate():
        errors["held_on"] = "The date must be today or in the past"
    if held_on and next_due_on and "next_due_on" not in errors and next_due_on <= held_on:
        errors["next_due_on"] = f"The next due date must be after the date of this {what}"


def _check_pair(errors, record) -> None:
    """The person supervised or appraised and the one who did it: two people of the record's service."""
    if record.supervisee_id and record.service_id and record.supervisee.service_id != record.service_id:
        errors["supervisee"] = "Select someone of this service"
    # Who did it is required by the form and the API (blank only on sessions moved from assurance).
    if not record.supervisor_id:
        return
    if record.supervisor_id == record.supervisee_id:
        errors["supervisor"] = "Select someone other than the person supervised"
    elif record.service_id and record.supervisor.service_id != record.service_id:
        errors["supervisor"] = "Select a supervisor of this service"
