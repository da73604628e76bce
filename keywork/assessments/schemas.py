import datetime

from keywork.assessments.choices import AssessmentKind, OtArea
from keywork.locking import VersionRead
from keywork.schemas import Schema


class AssessmentIn(Schema):
    person_id: int
    kind: AssessmentKind
    # Occupational therapy only.
    areas: list[OtArea] = []
    assessed_on: datetime.date
    # One assessor: a member of the service's staff, or an outside assessor with their organisation.
    assessor_staff_id: int | None = None
    assessor_name: str = ""
    assessor_organisation: str = ""
    summary: str


class AssessmentUpdate(AssessmentIn):
    version: VersionRead


class AssessmentOut(AssessmentIn):
    id: int
    version: int
    assessor: str
    has_report: bool
    report_name: str

    @staticmethod
    def resolve_assessor(assessment) -> str:
        return assessment.assessor_display

    @staticmethod
    def resolve_has_report(assessment) -> bool:
        return bool(assessment.report)
