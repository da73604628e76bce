"""A keyworker service: one Integrated Care System's Designated Keyworker service and its DSR.

Every person, record and user belongs to exactly one service; the service also carries the
configuration that varies between areas (review intervals, thresholds, targets).
"""

from django.core.exceptions import ValidationError
from django.db import models


def default_local_authorities() -> list[str]:
    return ["Kent", "Medway"]


class Service(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)
    icb = models.CharField("Integrated Care Board", max_length=200)
    host_organisation = models.CharField(max_length=200, blank=True)
    local_authorities = models.JSONField(default=default_local_authorities)

    # DSR review intervals by rating, in days. Defaults follow domain.md: red weekly, amber
    # monthly, green quarterly, blue with the 3-monthly inpatient C(E)TR cycle.
    review_days_red = models.PositiveIntegerField(default=7)
    review_days_amber = models.PositiveIntegerField(default=30)
    review_days_green = models.PositiveIntegerField(default=91)
    review_days_blue = models.PositiveIntegerField(default=91)

    # NHS statistical disclosure practice: counts from 1 to this number are suppressed.
    suppression_threshold = models.PositiveIntegerField(default=7)
    inpatient_target = models.PositiveIntegerField(default=6)
    # Inpatient rules (domain.md): red for at least this many days after discharge (Lincolnshire);
    # a post-admission C(E)TR within so many working days; inpatient C(E)TRs every so many months.
    red_days_after_discharge = models.PositiveIntegerField(default=14)
    post_admission_review_working_days = models.PositiveIntegerField(default=10)
    inpatient_review_months = models.PositiveIntegerField(default=3)
    # Programme management: the local complaints deadline in working days, and how far spending
    # may stray from the budget profile (per cent) before it is flagged.
    complaint_response_working_days = models.PositiveIntegerField(default=25)
    budget_tolerance_percent = models.PositiveIntegerField(default=5)
    # Keyworking: a warning shows when a worker holds more people than this.
    caseload_limit = models.PositiveIntegerField(default=15)
    # By default keyworkers see only the people allocated to them; a service may open the whole register.
    keyworkers_see_whole_service = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.local_authorities, list) or not all(
            isinstance(name, str) and name.strip() for name in self.local_authorities
        ):
            raise ValidationError({"local_authorities": "Give a list of local authority names"})

    def review_interval_days(self, rating: str) -> int:
        return getattr(self, f"review_days_{rating}")
