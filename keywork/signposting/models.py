"""Signposting and community connections: a young person or family pointed to a service or group
in their community by a Peer Associate or keyworker, and whether they went."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.presenters import uk_long_date
from keywork.signposting import rules
from keywork.signposting.choices import ConnectionKind, Outcome


class Signposting(VersionedModel):
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="signpostings")
    signposted_on = models.DateField("Date signposted")
    organisation = models.CharField("Service or group", max_length=200)
    kind = models.CharField(max_length=30, choices=ConnectionKind.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, default=Outcome.WAITING)
    outcome_on = models.DateField("Date of the outcome", null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    # Who did it, as they were then (Peer Associate, Practice Consultant, Team manager): the activity
    # report counts by it, so a worker who later changes role keeps their past work where it was.
    recorded_as = models.CharField("Type of worker", max_length=100, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    AUDITED = ("kind", "signposted_on", "outcome", "outcome_on")

    class Meta:
        ordering = ["-signposted_on", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} ({uk_long_date(self.signposted_on)})"

    def save(self, *args, **kwargs):
        if not self.recorded_as and self.recorded_by_id:
            self.recorded_as = self.recorded_by.display_role
        super().save(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        today = timezone.localdate()
        about_person(errors, "signposted_on", self.signposted_on, person, "The date signposted")
        if self.signposted_on and self.signposted_on > today:
            errors.setdefault("signposted_on", "The date signposted must be today or in the past")
        about_person(errors, "outcome_on", self.outcome_on, person, "The date of the outcome")
        if self.outcome_on and self.outcome_on > today:
            errors.setdefault("outcome_on", "The date of the outcome must be today or in the past")
        if self.outcome_on and self.signposted_on and self.outcome_on < self.signposted_on:
            errors.setdefault("outcome_on", "The date of the outcome must be on or after the date signposted")
        if self.outcome and rules.outcome_needs_date(self.outcome) and not self.outcome_on:
            errors.setdefault("outcome_on", "Enter the date of the outcome")
        if self.outcome and not rules.outcome_needs_date(self.outcome) and self.outcome_on:
            errors.setdefault("outcome_on", "Leave the date of the outcome empty while they are waiting")
        if errors:
            raise ValidationError(errors)

    @property
    def needs_follow_up(self) -> bool:
        return rules.needs_follow_up(self.outcome, self.signposted_on, timezone.localdate())
