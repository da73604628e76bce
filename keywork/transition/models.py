"""A young person's transition plan (preparing for adulthood): the four areas, each with its status,
notes and who leads it, when it was agreed and is next reviewed, and the referral to adult services."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.transition.choices import AREAS, AreaStatus


def _status(label: str):
    return models.CharField(f"{label}: status", max_length=20, choices=AreaStatus.choices)


# Dates that record something done: on or after the date of birth, and never in the future.
PAST_DATES = (("agreed_on", "The date the plan was agreed"), ("adult_services_referred_on", "The referral date"))


class TransitionPlan(VersionedModel):
    person = models.OneToOneField("register.Person", on_delete=models.PROTECT, related_name="transition_plan")
    social_care_status = _status("Adult social care")
    social_care_notes = models.TextField(blank=True)
    social_care_owner = models.CharField(max_length=200, blank=True)
    health_status = _status("Adult health or learning disability team")
    health_notes = models.TextField(blank=True)
    health_owner = models.CharField(max_length=200, blank=True)
    housing_status = _status("Housing")
    housing_notes = models.TextField(blank=True)
    housing_owner = models.CharField(max_length=200, blank=True)
    employment_status = _status("Education and employment")
    employment_notes = models.TextField(blank=True)
    employment_owner = models.CharField(max_length=200, blank=True)
    agreed_on = models.DateField("Date the plan was agreed")
    review_on = models.DateField("Date of the next review")
    adult_services_referred_on = models.DateField("Date referred to adult services", null=True, blank=True)
    adult_services_referred_to = models.CharField("Adult services referred to", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    AUDITED = tuple(f"{prefix}_status" for prefix, _ in AREAS) + (
        "agreed_on",
        "review_on",
        "adult_services_referred_on",
        "adult_services_referred_to",
    )

    def __str__(self) -> str:
        return f"Transition plan agreed on {self.agreed_on}"

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        for field, what in PAST_DATES:
            about_person(errors, field, getattr(self, field), person, what)
            if getattr(self, field) and getattr(self, field) > timezone.localdate():
                errors.setdefault(field, f"{what} must be today or in the past")
        if self.review_on and self.agreed_on and self.review_on < self.agreed_on:
            errors["review_on"] = "The date of the next review must be on or after the date the plan was agreed"
        referred_on, referred_to = self.adult_services_referred_on, (self.adult_services_referred_to or "").strip()
        if referred_on and not referred_to:
            errors["adult_services_referred_to"] = "Enter who they were referred to"
        if referred_to and not referred_on and "adult_services_referred_on" not in errors:
            errors["adult_services_referred_on"] = "Enter the date they were referred"
        if errors:
            raise ValidationError(errors)

    @property
    def areas(self) -> list[dict]:
        """Each area's heading, status, notes and owner, in the plan's order, for pages and the pack."""
        return [
            {
                "heading": heading,
                "status": getattr(self, f"get_{prefix}_status_display")(),
                "notes": getattr(self, f"{prefix}_notes"),
                "owner": getattr(self, f"{prefix}_owner"),
            }
            for prefix, heading in AREAS
        ]
