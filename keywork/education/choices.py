from django.db import models


class EhcpStatus(models.TextChoices):
    """Whether the person has an Education, Health and Care Plan (Ehcp.status)."""

    YES = "yes", "Yes"
    NO = "no", "No"
    IN_ASSESSMENT = "in_assessment", "In assessment"
    # Spreadsheets moved in by keywork.imports often say nothing of an EHCP; no guess is made.
    NOT_KNOWN = "not_known", "Not known"


class SettingType(models.TextChoices):
    MAINSTREAM = "mainstream", "Mainstream school or college"
    SPECIAL = "special", "Special school or college"
    INDEPENDENT_SPECIAL = "independent_special", "Independent special school or college"
    RESIDENTIAL_38_WEEK = "residential_38", "Residential, 38 weeks a year"
    RESIDENTIAL_52_WEEK = "residential_52", "Residential, 52 weeks a year"
    ALTERNATIVE_PROVISION = "alternative_provision", "Alternative provision"
    NOT_IN_EDUCATION = "not_in_education", "Not in education"


class Area(models.TextChoices):
    IN_AREA = "in_area", "In area"
    OUT_OF_AREA = "out_of_area", "Out of area"


class EventKind(models.TextChoices):
    FIXED_TERM_EXCLUSION = "fixed_term_exclusion", "Fixed-term exclusion (suspension)"
    PERMANENT_EXCLUSION = "permanent_exclusion", "Permanent exclusion"
    PART_TIME_TIMETABLE = "part_time_timetable", "Part-time timetable"
    ATTENDANCE_CONCERN = "attendance_concern", "Attendance concern"
