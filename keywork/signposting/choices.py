from django.db import models


class ConnectionKind(models.TextChoices):
    COMMUNITY_GROUP = "community_group", "Community group or club"
    PEER_SUPPORT = "peer_support", "Peer or parent support group"
    ACTIVITY = "activity", "Leisure, sport or arts activity"
    VOLUNTARY_SERVICE = "voluntary_service", "Voluntary sector service"
    HEALTH = "health", "Health service"
    SOCIAL_CARE = "social_care", "Social care"
    EDUCATION_WORK = "education_work", "Education, training or work"
    ADVICE = "advice", "Benefits, money or legal advice"
    HOUSING = "housing", "Housing"
    OTHER = "other", "Other"


class Outcome(models.TextChoices):
    WAITING = "waiting", "Waiting"
    ATTENDED = "attended", "Attended"
    NOT_TAKEN_UP = "not_taken_up", "Not taken up"
