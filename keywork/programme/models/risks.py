from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from keywork.datebounds import in_era

ONE_TO_FIVE = [MinValueValidator(1, "Choose from 1 to 5"), MaxValueValidator(5, "Choose from 1 to 5")]


def band(score: int) -> str:
    """The NHS 5×5 risk matrix bands.

    >>> [band(s) for s in (3, 4, 6, 8, 12, 15, 25)]
    ['Low', 'Moderate', 'Moderate', 'High', 'High', 'Extreme', 'Extreme']
    """
    if score <= 3:
        return "Low"
    if score <= 6:
        return "Moderate"
    if score <= 12:
        return "High"
    return "Extreme"


class Risk(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="risks")
    title = models.CharField(max_length=200)
    cause = models.TextField()
    effect = models.TextField()
    owner = models.CharField(max_length=200)
    likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    target_score = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(25)])
    review_due_on = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:risk", args=[self.pk])

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def band(self) -> str:
        return band(self.score)

    @property
    def is_review_overdue(self) -> bool:
        return self.status == self.Status.OPEN and self.review_due_on < timezone.localdate()


class RiskReview(models.Model):
    """A review of a risk keeps the scores it found, so the trend shows."""

    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField()
    likelihood = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    impact = models.PositiveSmallIntegerField(validators=ONE_TO_FIVE)
    note = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.risk} reviewed {self.reviewed_on}"

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    def clean(self) -> None:
        errors = {}
        in_era(errors, "reviewed_on", self.reviewed_on, "The review date")
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            errors["reviewed_on"] = "The review date must be today or in the past"
        if errors:
            raise ValidationError(errors)


class Mitigation(models.Model):
    risk = models.ForeignKey(Risk, on_delete=models.PROTECT, related_name="mitigations")
    action = models.TextField()
    owner = models.CharField(max_length=200)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.action[:60]
