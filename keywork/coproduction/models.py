"""The co-production log: what the service did with families and young people, what it heard and
what changed because of it, linked to the programme's milestones and risks it bears on."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from keywork.coproduction import rules
from keywork.coproduction.choices import EngagementKind
from keywork.datebounds import in_era
from keywork.presenters import uk_long_date

_AT_MOST = [MaxValueValidator(rules.LARGEST_ATTENDANCE, f"Enter a number up to {rules.LARGEST_ATTENDANCE:,}")]


class EngagementQuerySet(models.QuerySet):
    def held_between(self, start, end):
        """Events held from `start` to `end`, both days included (a quarter of the return)."""
        return self.filter(held_on__gte=start, held_on__lte=end).order_by("held_on", "id")


class Engagement(models.Model):
    """A forum meeting, survey, focus group or piece of lived experience work with families and
    young people. For a survey, the date is when it closed and the counts are who answered."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="engagements")
    kind = models.CharField(max_length=30, choices=EngagementKind.choices)
    title = models.CharField("What it was", max_length=200)
    held_on = models.DateField("Date")
    parents_carers = models.PositiveIntegerField("Parents and carers", default=0, validators=_AT_MOST)
    young_people = models.PositiveIntegerField("Young people", default=0, validators=_AT_MOST)
    professionals = models.PositiveIntegerField("Professionals", default=0, validators=_AT_MOST)
    what_we_heard = models.TextField("What we heard")
    what_changed = models.TextField("What changed", blank=True)
    milestones = models.ManyToManyField("programme.Milestone", blank=True, related_name="engagements")
    risks = models.ManyToManyField("programme.Risk", blank=True, related_name="engagements")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({uk_long_date(self.held_on)})"

    def get_absolute_url(self) -> str:
        return reverse("coproduction:engagement", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        in_era(errors, "held_on", self.held_on, "The date")
        if self.held_on and self.held_on > timezone.localdate():
            errors.setdefault("held_on", "The date must be today or in the past")
        if not rules.involves_families(self.parents_carers, self.young_people):
            errors["parents_carers"] = "Enter how many parents and carers, or young people, took part"
        if errors:
            raise ValidationError(errors)

    @property
    def taking_part(self) -> int:
        return sum(rules.attendance(self).values())

    @property
    def response_overdue(self) -> bool:
        return rules.response_overdue(self.held_on, self.what_changed, timezone.localdate())
