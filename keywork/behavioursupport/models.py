"""A person's Positive Behaviour Support plans (every version kept) and the incidents of behaviour
of concern recorded about them, with any restrictive practice used."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.behavioursupport import rules
from keywork.behavioursupport.choices import SEVERITY_CHOICES, Injury, Practice, Setting
from keywork.datebounds import about_person, in_era
from keywork.presenters import uk_long_date


class PlanQuerySet(models.QuerySet):
    def latest_versions(self):
        """Each person's current plan: the version no later version of theirs replaces."""
        later = PbsPlan.objects.filter(person=models.OuterRef("person"), version__gt=models.OuterRef("version"))
        return self.exclude(models.Exists(later))


class PbsPlan(models.Model):
    """One saved version of a person's Positive Behaviour Support plan; every version is kept, so
    the charts can mark when each came in."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="pbs_plans")
    version = models.PositiveIntegerField()
    # The functional assessment: where, what sets it off, and what the behaviour does for them.
    behaviour_settings = models.TextField("Settings where the behaviour happens")
    triggers = models.TextField("Triggers")
    functions = models.TextField("Functions of the behaviour")
    proactive_strategies = models.TextField()
    early_warning_signs = models.TextField()
    reactive_strategies = models.TextField()
    post_incident_support = models.TextField("Support after an incident")
    written_by = models.CharField("Written by", max_length=200)
    agreed_with = models.CharField("Agreed with", max_length=300)
    agreed_on = models.DateField("Date agreed")
    review_on = models.DateField("Date of the next review")
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    TEXT = (
        "behaviour_settings",
        "triggers",
        "functions",
        "proactive_strategies",
        "early_warning_signs",
        "reactive_strategies",
        "post_incident_support",
        "written_by",
        "agreed_with",
    )

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["person", "version"], name="one_pbs_plan_per_version")]
        verbose_name = "Positive Behaviour Support plan"

    def __str__(self) -> str:
        return f"Positive Behaviour Support plan version {self.version}"

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        about_person(errors, "agreed_on", self.agreed_on, person, "The date the plan was agreed")
        if self.agreed_on and self.agreed_on > timezone.localdate():
            errors.setdefault("agreed_on", "The date the plan was agreed must be today or in the past")
        in_era(errors, "review_on", self.review_on, "The date of the next review")
        if self.review_on and self.agreed_on and self.review_on <= self.agreed_on:
            errors.setdefault("review_on", "The date of the next review must be after the date the plan was agreed")
        if errors:
            raise ValidationError(errors)

    @property
    def review_overdue(self) -> bool:
        return rules.is_review_overdue(self.review_on, timezone.localdate())


class Incident(models.Model):
    """An incident of behaviour of concern, recorded as ABC: what came before (antecedent), the
    behaviour, and what followed (consequence); with any restrictive practice used."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="incidents")
    occurred_at = models.DateTimeField("Date and time")
    setting = models.CharField("Where it happened", max_length=20, choices=Setting.choices)
    antecedent = models.TextField("What happened before (antecedent)")
    behaviour = models.TextField("The behaviour")
    consequence = models.TextField("What happened after (consequence)")
    severity = models.SmallIntegerField(choices=SEVERITY_CHOICES)
    injury = models.CharField("Injuries", max_length=10, choices=Injury.choices)
    injury_details = models.TextField("Injury details", blank=True)
    prn_given = models.BooleanField("PRN medication given to manage the behaviour", default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"Incident on {uk_long_date(timezone.localtime(self.occurred_at).date())}"

    @property
    def day(self) -> datetime.date:
        return timezone.localtime(self.occurred_at).date()

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        if self.occurred_at and not rules.is_not_in_the_future(self.occurred_at, timezone.now()):
            errors["occurred_at"] = "The incident must be dated now or in the past"
        about_person(errors, "occurred_at", self.occurred_at, person, "The incident")
        if self.severity is not None and not rules.SEVERITY_RANGE[0] <= self.severity <= rules.SEVERITY_RANGE[1]:
            errors["severity"] = "Severity must be from 1 to 5"
        hurt = self.injury and self.injury != Injury.NONE
        if hurt and not (self.injury_details or "").strip():
            errors["injury_details"] = "Enter who was hurt and how"
        if errors:
            raise ValidationError(errors)

    def check_practices(self, practices: list["RestrictivePractice"]) -> None:
        """The incident's rules about its restrictive practices, checked before any is saved."""
        used = {practice.practice: practice.minutes for practice in practices}
        errors = {}
        for practice in rules.practices_without_a_duration(used):
            errors[f"{practice}_minutes"] = f"Enter how many minutes the {Practice(practice).label.lower()} lasted"
        for practice in practices:
            if practice.minutes is not None and not rules.duration_is_possible(practice.minutes):
                errors[f"{practice.practice}_minutes"] = "Enter a duration from 1 to 1440 minutes"
        if not rules.prn_is_chemical_restraint(self.prn_given, set(used)):
            errors["prn_given"] = (
                "PRN medication given to manage behaviour is chemical restraint: record it with its duration"
            )
        if errors:
            raise ValidationError(errors)


class RestrictivePractice(models.Model):
    """A restrictive practice used in an incident, and for how long."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="practices")
    practice = models.CharField(max_length=20, choices=Practice.choices)
    minutes = models.PositiveIntegerField("Duration in minutes")

    class Meta:
        ordering = ["incident", "practice"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "practice"], name="one_row_per_practice_per_incident")
        ]

    def __str__(self) -> str:
        return f"{self.get_practice_display()} for {self.minutes} minutes"
