from django.db import models


class AreaStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    AGREED = "agreed", "Agreed"
    NOT_NEEDED = "not_needed", "Not needed"


# The four areas of a transition plan (Preparing for Adulthood outcomes, SEND Code of Practice
# chapter 8), each with its own status, notes and owner on the plan: (field prefix, heading).
AREAS = (
    ("social_care", "Adult social care"),
    ("health", "Adult health or learning disability team"),
    ("housing", "Housing"),
    ("employment", "Education and employment"),
)
