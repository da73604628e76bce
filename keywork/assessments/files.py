"""Assessment reports are handled exactly as C(E)TR reports are (keywork.reviews.files): the same checks
of their content and size, private storage and replacement; only their folder differs, so the two
kinds of report can be told apart on disk."""

from django.utils.deconstruct import deconstructible

from keywork.reviews.files import PrivateReportStorage


@deconstructible
class AssessmentReportStorage(PrivateReportStorage):
    @property
    def base_location(self):
        return super().base_location.parent / "assessment-reports"

    def url(self, name):
        raise ValueError("Assessment reports have no public address: use the report download view")


def assessment_report_storage() -> AssessmentReportStorage:
    return AssessmentReportStorage()
