"""The rules of an assessment record, each a plain function its model's clean() calls, so pages and the
API refuse the same things with the same words."""

import datetime

from keywork.assessments.choices import AssessmentKind, OtArea


def is_in_the_future(day: datetime.date | None, today: datetime.date) -> bool:
    """An assessment is recorded once it has happened: its date cannot be after today.

    >>> is_in_the_future(datetime.date(2026, 10, 6), datetime.date(2026, 10, 5))
    True
    >>> is_in_the_future(datetime.date(2026, 10, 5), datetime.date(2026, 10, 5))
    False
    """
    return day is not None and day > today


def has_areas(kind: str) -> bool:
    """Only occupational therapy assessments are recorded by area (sensory processing, daily living,
    equipment and adaptations): the other kinds are one assessment each.

    >>> has_areas("occupational_therapy"), has_areas("communication")
    (True, False)
    """
    return kind == AssessmentKind.OCCUPATIONAL_THERAPY


def area_error(kind: str, areas: list[str]) -> str | None:
    """Why the areas do not fit the kind of assessment, in words for the person recording it; None if they do.

    >>> area_error("occupational_therapy", [])
    'Choose what the occupational therapy assessment looked at'
    >>> area_error("communication", ["equipment"])
    'Only an occupational therapy assessment has areas'
    >>> area_error("occupational_therapy", ["equipment", "daily_living"]) is None
    True
    """
    unknown = set(areas) - set(OtArea.values)
    if unknown:
        return f"Unknown area: {', '.join(sorted(unknown))}"
    if has_areas(kind) and not areas:
        return "Choose what the occupational therapy assessment looked at"
    if not has_areas(kind) and areas:
        return "Only an occupational therapy assessment has areas"
    return None


def assessor_errors(staff_id: int | None, name: str, organisation: str) -> dict[str, str]:
    """The assessor is one member of staff, or one outside professional named with their organisation.

    >>> assessor_errors(None, "", "")
    {'assessor_staff': "Choose the member of staff who assessed, or give the outside assessor's name"}
    >>> assessor_errors(None, "Dr A Khan", "")
    {'assessor_organisation': "Enter the outside assessor's organisation"}
    >>> assessor_errors(3, "Dr A Khan", "Kent CAMHS")
    {'assessor_name': 'Choose a member of staff or give an outside assessor, not both'}
    >>> assessor_errors(3, "", "")
    {}
    """
    name, organisation = (name or "").strip(), (organisation or "").strip()
    if staff_id and (name or organisation):
        field = "assessor_name" if name else "assessor_organisation"
        return {field: "Choose a member of staff or give an outside assessor, not both"}
    if staff_id:
        return {}
    if not name:
        return {"assessor_staff": "Choose the member of staff who assessed, or give the outside assessor's name"}
    if not organisation:
        return {"assessor_organisation": "Enter the outside assessor's organisation"}
    return {}
