from django.db import models


class EngagementKind(models.TextChoices):
    PARENT_CARER_FORUM = "parent_carer_forum", "Parent carer forum meeting"
    SURVEY = "survey", "Survey"
    FOCUS_GROUP = "focus_group", "Focus group"
    LIVED_EXPERIENCE = "lived_experience", "Lived experience work"
    OTHER = "other", "Other"
