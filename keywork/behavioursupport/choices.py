from django.db import models


class Setting(models.TextChoices):
    """Where an incident happened."""

    HOME = "home", "Home"
    SCHOOL = "school", "School or college"
    COMMUNITY = "community", "Out in the community"
    RESIDENTIAL = "residential", "Residential placement or short break"
    HOSPITAL = "hospital", "Hospital"
    TRANSPORT = "transport", "Travelling"
    OTHER = "other", "Somewhere else"


class Injury(models.TextChoices):
    NONE = "none", "No injury"
    PERSON = "person", "The young person was hurt"
    OTHERS = "others", "Someone else was hurt"
    BOTH = "both", "The young person and someone else were hurt"


class Practice(models.TextChoices):
    """Restrictive practices as the Department of Health's 'Positive and proactive care' (2014) and
    the Mental Health Units (Use of Force) Act 2018 name them."""

    PHYSICAL = "physical", "Physical restraint"
    MECHANICAL = "mechanical", "Mechanical restraint"
    CHEMICAL = "chemical", "Chemical restraint (including PRN medication)"
    SECLUSION = "seclusion", "Seclusion"
    SEGREGATION = "segregation", "Segregation"


# Severity as the weekly behaviour records score it (outcomes), so the two kinds of chart agree.
SEVERITY_CHOICES = [
    (1, "1 – mild"),
    (2, "2"),
    (3, "3 – moderate"),
    (4, "4"),
    (5, "5 – severe"),
]
