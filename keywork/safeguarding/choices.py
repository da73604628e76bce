from django.db import models


class StatusKind(models.TextChoices):
    CHILD_PROTECTION_PLAN = "child_protection_plan", "Child protection plan"
    CHILD_IN_NEED = "child_in_need", "Child in need"
    LOOKED_AFTER = "looked_after", "Looked after"
    CARE_LEAVER = "care_leaver", "Care leaver"
    ADULT_SAFEGUARDING = "adult_safeguarding", "Adult safeguarding (18 and over)"


class LegalBasis(models.TextChoices):
    """Why a child is looked after (Children Act 1989; Crime and Disorder Act for remand)."""

    SECTION_20 = "s20", "Accommodated by agreement (Children Act 1989 section 20)"
    INTERIM_CARE_ORDER = "s38", "Interim care order (Children Act 1989 section 38)"
    CARE_ORDER = "s31", "Care order (Children Act 1989 section 31)"
    PLACEMENT_ORDER = "placement_order", "Placement order (Adoption and Children Act 2002)"
    REMAND = "remand", "Remanded to local authority accommodation"
    # Only for looked-after children moved from the register's old yes/no, which held no basis.
    NOT_RECORDED = "not_recorded", "Not recorded"


class ConcernCategory(models.TextChoices):
    NEGLECT = "neglect", "Neglect"
    PHYSICAL = "physical", "Physical abuse"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    CRIMINAL_EXPLOITATION = "criminal_exploitation", "Criminal exploitation"
    SEXUAL_EXPLOITATION = "sexual_exploitation", "Sexual exploitation"
    SELF_HARM = "self_harm", "Self-harm"
    DOMESTIC_ABUSE = "domestic_abuse", "Domestic abuse"
    ONLINE = "online", "Online harm"
    RADICALISATION = "radicalisation", "Radicalisation"
    OTHER = "other", "Other"


class ReferredTo(models.TextChoices):
    FRONT_DOOR = "front_door", "Children's social care front door or MASH"
    ADULT_SOCIAL_CARE = "adult_social_care", "Adult social care"
    POLICE = "police", "Police"
    NONE = "none", "Not referred"
