from django.db import models


class ReviewKind(models.TextChoices):
    """Kinds of C(E)TR (NHS England C(E)TR policy)."""

    COMMUNITY = "community", "Community"
    BLUE_LIGHT = "blue_light", "Community 'blue light' (admission imminent)"
    POST_ADMISSION = "post_admission", "Post-admission"
    INPATIENT = "inpatient", "Inpatient follow-up"
    # Not a C(E)TR: the multi-agency meeting held instead when admission cannot wait for one. It is a
    # Review record because it holds the same things (date, who attended, outcome, actions).
    LAEP = "laep", "Local Area Emergency Protocol (LAEP) meeting"


# What counts as reviewed before an admission (NHS England C(E)TR policy): a community C(E)TR, its
# urgent 'blue light' form when admission is imminent, or, when there is no time, an LAEP meeting.
BEFORE_ADMISSION_KINDS = (ReviewKind.COMMUNITY, ReviewKind.BLUE_LIGHT, ReviewKind.LAEP)
# The kinds recorded on the C(E)TR form; an LAEP meeting has its own.
CETR_KINDS = [(value, label) for value, label in ReviewKind.choices if value != ReviewKind.LAEP]


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
