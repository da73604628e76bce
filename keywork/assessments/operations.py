"""Saving an assessment, audited; its report is replaced as a C(E)TR's is. Pages and the API call this."""

from django.db import transaction

from keywork.audit.saving import save_versioned
from keywork.reviews.files import replacing_report


@transaction.atomic
def save_assessment(actor, assessment, version: int = 0):
    """Save the assessment (an edit only if nobody saved it since `version`); the report it replaced
    is deleted once this commits, and a failed save keeps the old one."""
    if assessment.report and not assessment.report_name:
        assessment.report_name = assessment.report.name.rsplit("/", 1)[-1]
    with replacing_report(assessment):
        return save_versioned(actor, assessment, version)
