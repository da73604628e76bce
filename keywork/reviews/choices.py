from django.db import models


class ReviewKind(models.TextChoices):
    """Kinds of C(E)TR (NHS England C(E)TR policy)."""

    COMMUNITY = "community", "Community"
    BLUE_LIGHT = "blue_light", "Community 'blue light' (admission imminent)"
    POST_ADMISSION = "post_admission", "Post-admission"
    INPATIENT = "inpatient", "Inpatient follow-up"


class ActionStatus(models.TextChoices):
    OPEN = "open", "Open"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"
