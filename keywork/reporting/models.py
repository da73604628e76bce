from django.conf import settings
from django.db import models


class QuarterNarrative(models.Model):
    """What the programme lead writes for a quarter's return: improvement work and challenges."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="quarter_narratives")
    quarter = models.CharField(max_length=8, help_text="As 2024-Q2: financial year 2024/25, July to September")
    improvement = models.TextField("Continuous-improvement activity", blank=True)
    challenges = models.TextField(blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["service", "quarter"], name="one_narrative_per_quarter")]

    def __str__(self) -> str:
        return f"{self.service} {self.quarter}"
