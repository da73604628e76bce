from django.db import models


class MeetingStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class AgendaReason(models.TextChoices):
    """Why Keywork put someone on a meeting's agenda (agenda.py decides each)."""

    NEW_REFERRAL = "new_referral", "New referral"
    NEW_TO_REGISTER = "new_to_register", "New to the register"
    BLUE_OR_RED = "blue_or_red", "Rated red or blue"
    REVIEW_OVERDUE = "review_overdue", "Rating review overdue"
    DISCHARGED = "discharged", "Discharged in the last 28 days"
    RATING_CHANGED = "rating_changed", "Rating changed since the last meeting"
    TURNING_18_OR_26 = "turning_18_or_26", "Approaching 18 or 26"
    INPATIENT_WITHOUT_KEYWORKER = "inpatient_without_keyworker", "In hospital without a keyworker"
    ADDED_BY_CHAIR = "added_by_chair", "Added by the chair"
