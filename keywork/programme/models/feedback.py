from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import in_era
from keywork.workingdays import add_working_days

# Freedom of Information Act 2000, s.10: a response within 20 working days.
FOI_WORKING_DAYS = 20


def _check_dates(record, errors: dict) -> None:
    today = timezone.localdate()
    in_era(errors, "received_on", record.received_on, "The date received")
    in_era(errors, "responded_on", record.responded_on, "The response date")
    if record.received_on and record.received_on > today:
        errors["received_on"] = "The date received must be today or in the past"
    if record.responded_on and record.received_on and record.responded_on < record.received_on:
        errors["responded_on"] = "The response cannot be before the date received"
    if record.responded_on and record.responded_on > today:
        errors["responded_on"] = "The response date must be today or in the past"


class Feedback(models.Model):
    """A complaint or a compliment."""

    class Kind(models.TextChoices):
        COMPLAINT = "complaint", "Complaint"
        COMPLIMENT = "compliment", "Compliment"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="feedback")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    received_on = models.DateField()
    from_whom = models.CharField("From", max_length=200)
    about = models.CharField(max_length=200)
    summary = models.TextField()
    response_due_on = models.DateField(null=True, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)
    lessons_learned = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} received {self.received_on}"

    def clean(self) -> None:
        errors = {}
        _check_dates(self, errors)
        if self.kind == self.Kind.COMPLAINT and self.received_on and self.service_id:
            # The local complaints deadline, in working days, set per service.
            self.response_due_on = add_working_days(self.received_on, self.service.complaint_response_working_days)
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return bool(self.response_due_on) and not self.responded_on and self.response_due_on < timezone.localdate()


class FoiRequest(models.Model):
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="foi_requests")
    received_on = models.DateField()
    requester = models.CharField(max_length=200)
    subject = models.CharField(max_length=300)
    due_on = models.DateField(editable=False)
    responded_on = models.DateField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"FOI: {self.subject}"

    def save(self, *args, **kwargs):
        self.due_on = add_working_days(self.received_on, FOI_WORKING_DAYS)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        _check_dates(self, errors)
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self) -> bool:
        return not self.responded_on and self.due_on < timezone.localdate()
