"""System learning: the blocks found in casework, and case studies of intervention and support,
both evidence for commissioners and for NHS England's quarterly report."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import in_era
from keywork.locking import VersionedModel
from keywork.outcomes.choices import BlockerCategory
from keywork.outcomes.models._checks import not_before, not_in_future
from keywork.outcomes.rules import is_quarter_start


class SystemBlocker(VersionedModel):
    """Something in the system holding up a person's care: a missing placement, a funding dispute."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="system_blockers")
    category = models.CharField(max_length=30, choices=BlockerCategory.choices)
    agency = models.CharField("Agency responsible", max_length=200)
    people = models.ManyToManyField("register.Person", blank=True, related_name="system_blockers")
    description = models.TextField()
    raised_on = models.DateField()
    resolved_on = models.DateField(null=True, blank=True)
    resolution = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-raised_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_category_display()}: {self.agency}"

    def clean(self) -> None:
        errors = {}
        not_in_future(errors, "raised_on", self.raised_on, "The date raised")
        not_in_future(errors, "resolved_on", self.resolved_on, "The date resolved")
        in_era(errors, "raised_on", self.raised_on, "The date raised")
        in_era(errors, "resolved_on", self.resolved_on, "The date resolved")
        not_before(
            errors, "resolved_on", self.resolved_on, self.raised_on, "A blocker cannot be resolved before it was raised"
        )
        if not (self.agency or "").strip():
            errors["agency"] = "Name the agency responsible"
        if errors:
            raise ValidationError(errors)

    @property
    def is_resolved(self) -> bool:
        return self.resolved_on is not None

    @property
    def days_blocked(self) -> int | None:
        """Days from raised to resolved, or to today while it is still unresolved."""
        if not self.raised_on:
            return None
        return ((self.resolved_on or timezone.localdate()) - self.raised_on).days


class CaseStudy(VersionedModel):
    """An anonymised story of intervention and support for the quarterly report. The person it is
    about is linked for staff only; it is usable in a return only with consent recorded."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="case_studies")
    person = models.ForeignKey(
        "register.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="case_studies"
    )
    title = models.CharField(max_length=200)
    narrative = models.TextField(help_text="Anonymised: no names, places or dates that identify anyone")
    consent_recorded = models.BooleanField(default=False)
    consent_given_by = models.CharField(max_length=200, blank=True)
    consent_on = models.DateField(null=True, blank=True)
    quarter_start = models.DateField(help_text="The first day of the quarter it is reported in")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-quarter_start", "title"]
        verbose_name_plural = "case studies"

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.quarter_start and not is_quarter_start(self.quarter_start):
            errors["quarter_start"] = "Enter the first day of a quarter: 1 April, 1 July, 1 October or 1 January"
        if self.consent_recorded:
            if not (self.consent_given_by or "").strip():
                errors["consent_given_by"] = "Say who gave consent"
            if not self.consent_on:
                errors["consent_on"] = "Enter the date consent was given"
        not_in_future(errors, "consent_on", self.consent_on, "The date consent was given")
        in_era(errors, "consent_on", self.consent_on, "The date consent was given")
        in_era(errors, "quarter_start", self.quarter_start, "The quarter")
        if self.person_id and self.service_id and self.person.service_id != self.service_id:
            errors["person"] = "Choose a person in this service"
        if errors:
            raise ValidationError(errors)

    @property
    def usable_in_return(self) -> bool:
        """Only a case study with consent recorded may go into the quarterly return."""
        return bool(self.consent_recorded and self.consent_given_by and self.consent_on)
