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


class OwnerKind(models.TextChoices):
    """Who an action belongs to: one of the service's staff, a professional in the person's
    network, or an organisation named in words."""

    STAFF = "staff", "A member of staff"
    PROFESSIONAL = "professional", "A professional"
    ORGANISATION = "organisation", "An organisation"
