"""Care (Education) and Treatment Reviews and the actions their recommendations become."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.reviews.choices import ActionStatus, ReviewKind
from keywork.reviews.files import ReportValidator, report_storage


class Review(models.Model):
    """A C(E)TR. It is a C(E)TR (with Education) for a person with an EHCP, else a CTR."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    includes_education = models.BooleanField("C(E)TR (with Education)", default=False)
    requested_on = models.DateField()
    scheduled_on = models.DateField(null=True, blank=True)
    held_on = models.DateField(null=True, blank=True)
    chair = models.CharField(max_length=200, blank=True)
    clinical_expert = models.CharField(max_length=200, blank=True)
    expert_by_experience = models.CharField(max_length=200, blank=True)
    other_attendees = models.TextField(blank=True)
    outcome_summary = models.TextField(blank=True)
    report = models.FileField(upload_to="%Y/%m/", storage=report_storage, validators=[ReportValidator()], blank=True)
    report_name = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()}) requested {self.requested_on}"

    @property
    def name(self) -> str:
        return "C(E)TR" if self.includes_education else "CTR"

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.requested_on and self.requested_on > today:
            errors["requested_on"] = "The request date must be today or in the past"
        if self.held_on and self.held_on > today:
            errors["held_on"] = "The date held must be today or in the past"
        if self.requested_on and self.held_on and self.held_on < self.requested_on:
            errors.setdefault("held_on", "A review cannot be held before it was requested")
        if self.requested_on and self.scheduled_on and self.scheduled_on < self.requested_on:
            errors["scheduled_on"] = "A review cannot be scheduled before it was requested"
        if errors:
            raise ValidationError(errors)


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())


class Action(models.Model):
    """A panel recommendation, tracked as an action with an owner and a due date until done."""

    review = models.ForeignKey(Review, on_delete=models.PROTECT, related_name="actions")
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="review_actions")
    recommendation = models.TextField()
    owner_professional = models.ForeignKey(
        "keyworking.Professional", on_delete=models.PROTECT, null=True, blank=True, related_name="review_actions"
    )
    owner_organisation = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    evidence = models.TextField("Evidence of completion", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    dropped_reason = models.TextField(blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.recommendation[:60]

    def clean(self) -> None:
        errors = {}
        review_day = (self.review.held_on or self.review.requested_on) if self.review_id else None
        if self.due_on and review_day and self.due_on < review_day:
            errors["due_on"] = f"An action cannot be due before the review ({review_day:%d %b %Y})"
        if not self.owner_professional_id and not (self.owner_organisation or "").strip():
            errors["owner_organisation"] = "Name the professional or organisation who owns the action"
        if self.status == ActionStatus.DONE and not (self.evidence or "").strip():
            errors["evidence"] = "Give the evidence that the action is done"
        if self.status == ActionStatus.DROPPED and not (self.dropped_reason or "").strip():
            errors["dropped_reason"] = "Give the reason the action was dropped"
        if errors:
            raise ValidationError(errors)

    @property
    def owner(self) -> str:
        return str(self.owner_professional) if self.owner_professional_id else self.owner_organisation

    @property
    def is_overdue(self) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < timezone.localdate()
