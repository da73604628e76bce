from django.db import models


class UnitType(models.TextChoices):
    GENERAL_ADOLESCENT = "general_adolescent", "Tier 4 CAMHS general adolescent"
    PICU = "picu", "Psychiatric intensive care"
    LOW_SECURE = "low_secure", "Low secure"
    MEDIUM_SECURE = "medium_secure", "Medium secure"
    LD_AUTISM = "ld_autism", "Specialist learning disability or autism unit"
    ACUTE_PAEDIATRIC = "acute_paediatric", "Acute paediatric ward"
    OTHER = "other", "Other"


class LegalStatus(models.TextChoices):
    """Informal, or detained under a section of the Mental Health Act 1983."""

    INFORMAL = "informal", "Informal"
    SECTION_2 = "s2", "Section 2"
    SECTION_3 = "s3", "Section 3"
    SECTION_4 = "s4", "Section 4"
    SECTION_5_2 = "s5_2", "Section 5(2)"
    SECTION_135 = "s135", "Section 135"
    SECTION_136 = "s136", "Section 136"
    SECTION_37 = "s37", "Section 37"
    SECTION_37_41 = "s37_41", "Section 37/41"
    SECTION_47_49 = "s47_49", "Section 47/49"
    OTHER = "other", "Other"
