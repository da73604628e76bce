"""The register's fixed lists, in the words the service and NHS data standards use."""

from django.db import models


class Rating(models.TextChoices):
    """DSR RAG rating (NHS England DSR guidance, 2023)."""

    RED = "red", "Red – at high risk of admission now"
    AMBER = "amber", "Amber – at risk of admission without support soon"
    GREEN = "green", "Green – needs and risks managed in the community"
    BLUE = "blue", "Blue – currently an inpatient"


# Most urgent first: used wherever people are sorted by rating.
RATING_URGENCY = {Rating.BLUE: 0, Rating.RED: 1, Rating.AMBER: 2, Rating.GREEN: 3}


class RatingCause(models.TextChoices):
    """Why the rating changed: a DSR review, or an admission or discharge (which set it by rule)."""

    REVIEW = "review", "DSR review"
    ADMISSION = "admission", "Admission to hospital"
    DISCHARGE = "discharge", "Discharge from hospital"


class RiskFactor(models.TextChoices):
    """Factors considered when rating (Kent and Medway's DSR practice, domain.md)."""

    ADMISSION = "admission", "Risk of admission"
    CRIMINAL_JUSTICE = "criminal_justice", "Risk of contact with the criminal justice system"
    PLACEMENT_BREAKDOWN = "placement_breakdown", "Risk of breakdown of placement or care package"
    NOT_SAFE = "not_safe", "Services unable to keep the person safe"
    LIFE_EVENTS = "life_events", "Significant life events"
    HEALTH = "health", "Mental and physical health"
    ADMISSION_HISTORY = "admission_history", "Admission history"
    TRANSITION = "transition", "Transition between children's and adults' services"
    EDUCATION = "education", "Education provision"
    BEHAVIOURS = "behaviours", "Behaviours that challenge"
    STAFF_CHANGES = "staff_changes", "Changes in support staff"
    SUBSTANCES = "substances", "Alcohol or substance misuse"
    RECENT_CRISES = "recent_crises", "Recent crises (A&E or emergency social care)"
    OPTIONS_EXHAUSTED = "options_exhausted", "Community options exhausted"


class Condition(models.TextChoices):
    LEARNING_DISABILITY = "ld", "Learning disability"
    AUTISM = "autism", "Autism"
    BOTH = "both", "Learning disability and autism"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    INDETERMINATE = "indeterminate", "Indeterminate"
    NOT_KNOWN = "not_known", "Not known"


class EthnicCategory(models.TextChoices):
    """NHS Data Dictionary: Ethnic Category (2001 census categories)."""

    A = "A", "White – British"
    B = "B", "White – Irish"
    C = "C", "White – Any other White background"
    D = "D", "Mixed – White and Black Caribbean"
    E = "E", "Mixed – White and Black African"
    F = "F", "Mixed – White and Asian"
    G = "G", "Mixed – Any other mixed background"
    H = "H", "Asian or Asian British – Indian"
    J = "J", "Asian or Asian British – Pakistani"
    K = "K", "Asian or Asian British – Bangladeshi"
    L = "L", "Asian or Asian British – Any other Asian background"
    M = "M", "Black or Black British – Caribbean"
    N = "N", "Black or Black British – African"
    P = "P", "Black or Black British – Any other Black background"
    R = "R", "Other ethnic groups – Chinese"
    S = "S", "Other ethnic groups – Any other ethnic group"
    Z = "Z", "Not stated"
    NOT_KNOWN = "99", "Not known"


class RegisterStatus(models.TextChoices):
    ACTIVE = "active", "On the register"
    REMOVED = "removed", "Removed from the register"
    TRANSFERRED_OUT = "transferred_out", "Transferred out"


class ConsentBasis(models.TextChoices):
    """DSR entry needs consent, or a recorded decision made on the person's behalf."""

    PERSON = "person", "Consent given by the person"
    PARENTAL_RESPONSIBILITY = "parental_responsibility", "Consent given by someone with parental responsibility"
    BEST_INTERESTS = "best_interests", "Best-interests decision (Mental Capacity Act 2005)"
    WITHDRAWN = "withdrawn", "Consent withdrawn"


class ReferralSource(models.TextChoices):
    SELF = "self", "The person themselves"
    FAMILY = "family", "Family or carer"
    SOCIAL_CARE = "social_care", "Social care"
    CAMHS = "camhs", "CAMHS or mental health"
    EDUCATION = "education", "School, college or SENCo"
    GP = "gp", "GP or primary care"
    ACUTE_HOSPITAL = "acute_hospital", "Acute hospital"
    POLICE = "police", "Police or youth justice"
    VOLUNTARY = "voluntary", "Voluntary sector"
    OTHER = "other", "Other"
