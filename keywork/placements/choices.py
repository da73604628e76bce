from django.db import models


class LivingSituation(models.TextChoices):
    FAMILY_HOME = "family_home", "Family home"
    FOSTER_CARE = "foster_care", "Foster care"
    RESIDENTIAL_HOME = "residential_home", "Children's residential home"
    SUPPORTED_LIVING = "supported_living", "Supported living"
    HOSPITAL = "hospital", "Hospital"
    OTHER = "other", "Somewhere else"


class Area(models.TextChoices):
    IN_AREA = "in_area", "In area"
    OUT_OF_AREA = "out_of_area", "Out of area"
