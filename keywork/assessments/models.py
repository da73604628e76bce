"""Specialist assessments of a person (occupational therapy, educational psychology, communication,
functional behaviour assessment): who assessed, when, what they found, their report, and their
recommendations tracked as the reviews app's actions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from keywork.assessments import rules
from keywork.assessments.choices import AssessmentKind, OtArea
from keywork.assessments.files import assessment_report_storage
from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.presenters import uk_long_date
from keywork.reviews.files import ReportValidator


class Assessment(VersionedModel):
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(max_length=30, choices=AssessmentKind.choices)
    # Occupational therapy only (rules.has_areas): OtArea values.
    areas = models.JSONField(default=list, blank=True)
    assessed_on = models.DateField("Date assessed")
    assessor_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessor_name = models.CharField("Outside assessor's name", max_length=200, blank=True)
    assessor_organisation = models.CharField("Outside assessor's organisation", max_length=200, blank=True)
    summary = models.TextField()
    report = models.FileField(
        upload_to="%Y/%m/", storage=assessment_report_storage, validators=[ReportValidator()], blank=True
    )
    report_name = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    actions = GenericRelation("reviews.Action", content_type_field="source_type", object_id_field="source_id")

    # What the audit entry of each save lists (keywork.audit.saving).
    AUDITED = ("kind", "assessed_on", "report_name")

    class Meta:
        ordering = ["-assessed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name} on {uk_long_date(self.assessed_on)}"

    def get_absolute_url(self) -> str:
        return reverse("assessments:assessment", args=[self.pk])

    @property
    def name(self) -> str:
        """ "Occupational therapy assessment", "Functional behaviour assessment"."""
        if self.kind == AssessmentKind.BEHAVIOUR:
            return "Functional behaviour assessment"
        return f"{self.get_kind_display()} assessment"

    @property
    def area_labels(self) -> list[str]:
        return [OtArea(code).label for code in self.areas or []]

    @property
    def assessor_display(self) -> str:
        if self.assessor_staff_id:
            return self.assessor_staff.display_name
        return f"{self.assessor_name} ({self.assessor_organisation})"

    @property
    def action_source_date(self):
        """Its recommendations are made on the day of the assessment: none is due before it."""
        return self.assessed_on

    @property
    def action_source_label(self) -> str:
        return str(self)

    def clean(self) -> None:
        errors = {}
        if rules.is_in_the_future(self.assessed_on, timezone.localdate()):
            errors["assessed_on"] = "The date assessed must be today or in the past"
        person = self.person if self.person_id else None
        about_person(errors, "assessed_on", self.assessed_on, person, "The date assessed")
        if self.kind and (problem := rules.area_error(self.kind, self.areas or [])):
            errors["areas"] = problem
        errors |= rules.assessor_errors(self.assessor_staff_id, self.assessor_name, self.assessor_organisation)
        if self.assessor_staff_id and person and self.assessor_staff.service_id != person.service_id:
            errors["assessor_staff"] = "Choose a member of this service's staff"
        if not (self.summary or "").strip():
            errors["summary"] = "Enter a summary of the assessment"
        if errors:
            raise ValidationError(errors)
