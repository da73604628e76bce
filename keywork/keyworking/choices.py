"""The keyworking service's fixed lists (Kent and Medway's model, domain.md "Keyworking")."""

from django.db import models


class ReferralRoute(models.TextChoices):
    DSR = "dsr", "From the Dynamic Support Register"
    DIRECT = "direct", "Direct referral"


class ReferralDecision(models.TextChoices):
    PENDING = "pending", "Awaiting a decision"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    SIGNPOSTED = "signposted", "Signposted elsewhere"


class ClosingReason(models.TextChoices):
    STEPPED_DOWN = "stepped_down", "Stepped down to green and stable"
    MOVED_AWAY = "moved_away", "Moved out of area"
    REACHED_26 = "reached_26", "Reached 26"
    DECLINED_SUPPORT = "declined_support", "Declined further support"
    ADULT_SERVICES = "adult_services", "Transferred to adult services"
    OTHER = "other", "Other"


class AgencyType(models.TextChoices):
    SOCIAL_CARE = "social_care", "Social care"
    MENTAL_HEALTH = "mental_health", "CAMHS or mental health"
    EDUCATION = "education", "Education (school, college, SENCo)"
    PRIMARY_CARE = "primary_care", "GP or primary care"
    SHORT_BREAKS = "short_breaks", "Short breaks"
    CARE_PROVIDER = "care_provider", "Care provider"
    POLICE = "police", "Police or youth justice"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OTHER = "other", "Other"


class ContactType(models.TextChoices):
    HOME_VISIT = "home_visit", "Home visit"
    CALL = "call", "Phone or video call"
    SCHOOL_MEETING = "school_meeting", "School meeting"
    MULTI_AGENCY = "multi_agency", "Multi-agency meeting"
    CETR = "cetr", "C(E)TR"
    HOSPITAL_VISIT = "hospital_visit", "Hospital visit"
    OTHER = "other", "Other"


class EscalationLevel(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner"
    MANAGER = "manager", "Service manager"
    SENIOR = "senior", "Head of service or director"
    EXECUTIVE = "executive", "Executive or ICB board"
