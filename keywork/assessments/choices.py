from django.db import models


class AssessmentKind(models.TextChoices):
    OCCUPATIONAL_THERAPY = "occupational_therapy", "Occupational therapy"
    EDUCATIONAL_PSYCHOLOGY = "educational_psychology", "Educational psychology"
    COMMUNICATION = "communication", "Communication"
    BEHAVIOUR = "behaviour", "Behaviour (functional assessment)"


class OtArea(models.TextChoices):
    """What an occupational therapy assessment looked at (one assessment may cover several)."""

    SENSORY_PROCESSING = "sensory_processing", "Sensory processing"
    DAILY_LIVING = "daily_living", "Functional skills and daily living"
    EQUIPMENT = "equipment", "Equipment and adaptations"
