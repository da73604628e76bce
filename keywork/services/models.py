"""A keyworker service: one Integrated Care System's Designated Keyworker service and its DSR.

Every person, record and user belongs to exactly one service; the service also carries the
configuration that varies between areas (review intervals, thresholds, targets).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

# A hundred years: long enough for any records rule, short enough for date arithmetic.
MOST_RETENTION_MONTHS = 1200
# From 5 minutes (shorter interrupts a phone call's notes) to a working day (the session's own limit).
IDLE_TIMEOUT_DEFAULT_MINUTES = 30
IDLE_TIMEOUT_MINUTES = (5, 480)
# A bed day costs hundreds of pounds, a few thousand at most: £100,000 catches a figure typed in pence.
BED_DAY_COST_MOST_PENCE = 10_000_000


class ConsentWithdrawnPolicy(models.TextChoices):
    """What the service does when a person withdraws consent (register/withdrawal.py says what each
    changes). Either way keywork and sharing stop; the choice is whether the DSR entry stays."""

    KEEP_MINIMAL = "keep_minimal", "Keep minimal details on the register under another lawful basis"
    REMOVE = "remove", "Remove the person from active keywork, sharing and the register's counts"


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
    # Caseload weighting (keyworking/weighting.py, docs/caseload-weighting.md): each person a worker
    # holds counts by their rating, plus an uplift for a complex case; a warning shows when the
    # weighted caseload passes its own limit. Defaults are a starting point, to be agreed locally.
    caseload_weight_red = models.PositiveSmallIntegerField("Weight of a red-rated person", default=3)
    caseload_weight_amber = models.PositiveSmallIntegerField("Weight of an amber-rated person", default=2)
    caseload_weight_green = models.PositiveSmallIntegerField("Weight of a green-rated person", default=1)
    caseload_weight_blue = models.PositiveSmallIntegerField("Weight of a blue-rated person", default=2)
    caseload_complexity_uplift = models.PositiveSmallIntegerField("Added for a complex case", default=1)
    weighted_caseload_limit = models.PositiveIntegerField("Weighted caseload limit", default=40)
    # Work lists: a referral should be decided within this many days of receipt, and a person on a
    # keyworker's caseload not contacted for more than this many days is listed for contact.
    referral_decision_target_days = models.PositiveIntegerField(default=10)
    contact_gap_days = models.PositiveIntegerField(default=14)
    # By default keyworkers see only the people allocated to them; a service may open the whole register.
    keyworkers_see_whole_service = models.BooleanField(default=False)
    # Records management: this service's own retention periods, by kind of record, where they differ
    # from settings.RECORDS_RETENTION; e.g. {"person": {"erase_after_months": 96}}.
    retention_overrides = models.JSONField(default=dict, blank=True)
    # Sign-in: a user who has done nothing for this long is signed out, so an unattended screen
    # does not stay open on people's records; besides a working day's limit (SESSION_COOKIE_AGE).
    idle_timeout_minutes = models.PositiveIntegerField(
        default=IDLE_TIMEOUT_DEFAULT_MINUTES,
        validators=[MinValueValidator(IDLE_TIMEOUT_MINUTES[0]), MaxValueValidator(IDLE_TIMEOUT_MINUTES[1])],
        help_text="Sign out a user who has done nothing for this many minutes (from 5 to 480)",
    )

    # What one night in an inpatient bed costs, in pence, for the estimate of the cost of admissions
    # avoided (keywork/figures/hospital.py). The service sets it from its own contracts; until it
    # does, no cost is estimated: a national average would be a number nobody here has agreed.
    bed_day_cost_pence = models.PositiveIntegerField(
        "Cost of one bed day in pence",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(BED_DAY_COST_MOST_PENCE)],
    )

    # The organisation code (ODS) the quarterly return is submitted under, e.g. an ICB's "QKS".
    ods_code = models.CharField("ODS code", max_length=10, blank=True)
    # The quarterly return goes to NHS England through a secure collection, not publication, so its
    # files carry true counts unless the service chooses to suppress them too.
    return_files_suppressed = models.BooleanField("Hide small numbers in the return's files", default=False)

    # The register is kept by the ICB as a public task (UK GDPR 6(1)(e) and 9(2)(h)), not on consent,
    # so by default a withdrawal stops keywork and sharing but keeps the entry: a child still at risk
    # of admission stays visible to those who keep the register. A service whose DPIA makes consent its
    # basis chooses "remove".
    consent_withdrawn_policy = models.CharField(
        "When consent is withdrawn",
        max_length=20,
        choices=ConsentWithdrawnPolicy.choices,
        default=ConsentWithdrawnPolicy.KEEP_MINIMAL,
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not isinstance(self.local_authorities, list) or not all(
            isinstance(name, str) and name.strip() for name in self.local_authorities
        ):
            raise ValidationError({"local_authorities": "Give a list of local authority names"})
        self._clean_retention_overrides()

    def _clean_retention_overrides(self) -> None:
        from django.conf import settings

        defaults = settings.RECORDS_RETENTION
        for kind, periods in (self.retention_overrides or {}).items():
            if kind not in defaults or not isinstance(periods, dict):
                raise ValidationError({"retention_overrides": f"No retention rule for {kind!r}: {', '.join(defaults)}"})
            for name, months in periods.items():
                # bool is an int to Python: True is not "1 month".
                whole = isinstance(months, int) and not isinstance(months, bool)
                if name not in defaults[kind] or not whole or not 1 <= months <= MOST_RETENTION_MONTHS:
                    allowed = ", ".join(defaults[kind])
                    message = f"{kind}.{name} must be one of {allowed}, from 1 to {MOST_RETENTION_MONTHS} months"
                    raise ValidationError({"retention_overrides": message})
            merged = defaults[kind] | periods
            if merged.get("archive_after_months", 0) > merged.get("erase_after_months", MOST_RETENTION_MONTHS):
                raise ValidationError(
                    {"retention_overrides": f"{kind}: a record cannot be erased before it is archived"}
                )

    def retention_months(self, kind: str, action: str) -> int:
        """How many months after its trigger a record of `kind` is archived or erased in this service."""
        from django.conf import settings

        return (self.retention_overrides or {}).get(kind, {}).get(action, settings.RECORDS_RETENTION[kind][action])

    def review_interval_days(self, rating: str) -> int:
        return getattr(self, f"review_days_{rating}")
