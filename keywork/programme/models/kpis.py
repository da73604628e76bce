from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import in_era


class Kpi(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"

    class Computation(models.TextChoices):
        MANUAL = "manual", "Entered by hand each month"
        INPATIENTS = "inpatients", "People in hospital at month end"
        DAYS_TO_ALLOCATION = "days_to_allocation", "Median days from referral to allocation"
        CTR_ON_TIME = "ctr_on_time", "Per cent of post-admission C(E)TRs held on time"
        OVERDUE_ACTIONS = "overdue_actions", "C(E)TR actions overdue at month end"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="kpis")
    name = models.CharField(max_length=200)
    definition = models.TextField()
    unit = models.CharField(max_length=50)
    direction = models.CharField(max_length=10, choices=Direction.choices)
    target = models.DecimalField(max_digits=12, decimal_places=2)
    computation = models.CharField(max_length=30, choices=Computation.choices, default=Computation.MANUAL)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def on_track(self, value) -> bool | None:
        if value is None:
            return None
        return value >= self.target if self.direction == self.Direction.HIGHER else value <= self.target


class KpiValue(models.Model):
    """A month's figure for a KPI entered by hand."""

    kpi = models.ForeignKey(Kpi, on_delete=models.PROTECT, related_name="values")
    month = models.DateField(help_text="The first day of the month")
    value = models.DecimalField(max_digits=12, decimal_places=2)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["month"]
        constraints = [models.UniqueConstraint(fields=["kpi", "month"], name="one_value_per_kpi_month")]

    def __str__(self) -> str:
        return f"{self.kpi}: {self.value} in {self.month:%b %Y}"

    def clean(self) -> None:
        errors = {}
        if self.month and self.month.day != 1:
            self.month = self.month.replace(day=1)
        if self.month and self.month > timezone.localdate():
            errors["month"] = "The month must not be in the future"
        in_era(errors, "month", self.month, "The month")
        if self.kpi_id and self.kpi.computation != Kpi.Computation.MANUAL:
            errors["kpi"] = "This KPI is computed from the records, not entered by hand"
        if errors:
            raise ValidationError(errors)


class Milestone(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="milestones")
    title = models.CharField(max_length=200)
    due_on = models.DateField()
    owner = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due_on < timezone.localdate()

    def clean(self) -> None:
        errors = {}
        in_era(errors, "due_on", self.due_on, "The due date")
        if self.status == self.Status.DONE and not (self.evidence or "").strip():
            errors["evidence"] = "Give the evidence that the milestone is done"
        if errors:
            raise ValidationError(errors)
