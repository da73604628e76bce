"""The decision support tool's fixed list: how much each domain weighs on the person now."""

from django.db import models


class Level(models.TextChoices):
    NONE = "none", "None"
    LOW = "low", "Low"
    MODERATE = "moderate", "Moderate"
    HIGH = "high", "High"
