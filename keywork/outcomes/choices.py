"""The fixed lists of outcomes and system learning (domain.md "Reporting and programme management")."""

from django.db import models


class BehaviourType(models.TextChoices):
    PHYSICAL_AGGRESSION = "physical_aggression", "Physical aggression"
    SELF_INJURY = "self_injury", "Self-injury"
    PROPERTY_DESTRUCTION = "property_destruction", "Property destruction"
    ABSCONDING = "absconding", "Absconding"
    VERBAL_AGGRESSION = "verbal_aggression", "Verbal aggression"
    OTHER = "other", "Other"


class MeasurePoint(models.TextChoices):
    START = "start", "Start of keywork"
    THREE_MONTHLY = "three_monthly", "Three-monthly"
    CLOSING = "closing", "Closing"


class Answer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class BlockerCategory(models.TextChoices):
    EDUCATION_PLACEMENT = "education_placement", "Education placement"
    SOCIAL_CARE_PACKAGE = "social_care_package", "Social care package"
    MENTAL_HEALTH_ACCESS = "mental_health_access", "CAMHS / mental health access"
    SHORT_BREAKS = "short_breaks", "Short breaks"
    HOUSING = "housing", "Housing"
    WORKFORCE = "workforce", "Workforce"
    FUNDING_DISPUTE = "funding_dispute", "Funding dispute between agencies"
    TRANSITION = "transition", "Transition to adult services"
    OTHER = "other", "Other"
