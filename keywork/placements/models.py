"""Where a person lives over time (family home, foster care, a children's home, supported living,
hospital) and each placement breakdown, recorded as an event of its own."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.placements.choices import Area, LivingSituation
from keywork.placements.rules import ends_after_start


class Placement(VersionedModel):
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="placements")
    kind = models.CharField("Living situation", max_length=30, choices=LivingSituation.choices)
    area = models.CharField(max_length=20, choices=Area.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    AUDITED = ("kind", "area", "starts_on", "ends_on")

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        about_person(errors, "starts_on", self.starts_on, person, "The date it started")
        about_person(errors, "ends_on", self.ends_on, person, "The date it ended")
        ends_after_start(errors, self.starts_on, self.ends_on)
        if person and self.starts_on and not {"starts_on", "ends_on"} & errors.keys() and self.overlapping():
            errors["starts_on"] = "They were living somewhere else recorded for some of these dates"
        if errors:
            raise ValidationError(errors)

    def overlapping(self) -> bool:
        """A person lives in one place at a time: another placement sharing a day is refused."""
        others = self.person.placements.exclude(pk=self.pk)
        if self.ends_on:
            others = others.filter(starts_on__lte=self.ends_on)
        return others.filter(models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=self.starts_on)).exists()


class PlacementBreakdown(VersionedModel):
    """A placement that broke down: when, and what happened."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="placement_breakdowns")
    occurred_on = models.DateField("Date it broke down")
    what_happened = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    AUDITED = ("occurred_on",)

    class Meta:
        ordering = ["-occurred_on", "-id"]

    def __str__(self) -> str:
        return f"Placement breakdown on {self.occurred_on}"

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        about_person(errors, "occurred_on", self.occurred_on, person, "The date it broke down")
        if not (self.what_happened or "").strip():
            errors["what_happened"] = "Say what happened"
        if errors:
            raise ValidationError(errors)
