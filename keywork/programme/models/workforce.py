import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import DecimalField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property

from keywork.datebounds import in_era

# The NHS Agenda for Change full-time week: every employer's until it sets its own (a partner
# charity on 35 hours, say), so that its full-time posts count as 1.0 WTE, not 0.93.
FULL_TIME_HOURS = Decimal("37.5")
# A full-time week from 30 hours (the ONS's line between part and full time) to 48 (the Working
# Time Regulations' weekly limit).
FULL_TIME_HOURS_RANGE = (Decimal("30"), Decimal("48"))


def whole_time_equivalent(hours_per_week: Decimal, full_time_hours: Decimal) -> Decimal:
    """Hours a week as a share of the employer's full-time week, to two places: the one WTE rule.

    >>> whole_time_equivalent(Decimal("35"), Decimal("35"))
    Decimal('1.00')
    >>> whole_time_equivalent(Decimal("35"), Decimal("37.5"))
    Decimal('0.93')
    """
    return (Decimal(hours_per_week) / Decimal(full_time_hours)).quantize(Decimal("0.01"))


def rescaled_wte(wte: Decimal, old_full_time_hours: Decimal, new_full_time_hours: Decimal) -> Decimal:
    """The same hours worked, as WTE of a changed full-time week: someone 0.93 of 37.5 hours works
    about 35, which is 1.00 of 35 hours.

    >>> rescaled_wte(Decimal("0.93"), Decimal("37.5"), Decimal("35"))
    Decimal('1.00')
    """
    return whole_time_equivalent(Decimal(wte) * Decimal(old_full_time_hours), new_full_time_hours)


class Employer(models.Model):
    """An organisation that employs the service's staff (the council, a partner charity), with the
    hours of its full-time week: a post's WTE is its hours over its employer's full-time week."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="employers")
    name = models.CharField(max_length=200)
    full_time_hours = models.DecimalField(
        "Hours in a full-time week", max_digits=3, decimal_places=1, default=FULL_TIME_HOURS
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["service", "name"], name="one_employer_of_a_name_a_service")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        least, most = FULL_TIME_HOURS_RANGE
        if isinstance(self.full_time_hours, Decimal) and not least <= self.full_time_hours <= most:
            raise ValidationError({"full_time_hours": f"Enter a full-time week from {least} to {most} hours"})


class PostQuerySet(models.QuerySet):
    def with_full_time_hours(self):
        """Each post with its employer's full-time week, in the one query (for lists of posts)."""
        employer = Employer.objects.filter(service=OuterRef("service"), name=OuterRef("employer"))
        week = Subquery(employer.values("full_time_hours")[:1])
        return self.annotate(full_time_hours=Coalesce(week, Value(FULL_TIME_HOURS), output_field=DecimalField()))


class Post(models.Model):
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="posts")
    title = models.CharField(max_length=200)
    role = models.CharField(max_length=100, help_text="For headcount by role, e.g. Practice Consultant")
    grade = models.CharField(max_length=50, blank=True)
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1)
    funded = models.BooleanField(default=True)
    employer = models.CharField(
        max_length=200, help_text="The council, or a partner such as the Peer Associate charity"
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["role", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        # Every employer a post names has its row, so the settings page lists it and WTE has one source.
        super().save(*args, **kwargs)
        Employer.objects.get_or_create(service_id=self.service_id, name=self.employer)

    @cached_property
    def full_time_hours(self) -> Decimal:
        """The employer's full-time week (lists of posts annotate it: PostQuerySet.with_full_time_hours)."""
        week = Employer.objects.filter(service_id=self.service_id, name=self.employer)
        return week.values_list("full_time_hours", flat=True).first() or FULL_TIME_HOURS

    @property
    def wte(self) -> Decimal:
        return whole_time_equivalent(self.hours_per_week, self.full_time_hours)

    def clean(self) -> None:
        # Checked only once the value is a number (a bad one already has its own error).
        if isinstance(self.hours_per_week, Decimal) and not Decimal("0") < self.hours_per_week <= Decimal("48"):
            raise ValidationError({"hours_per_week": "Enter hours from 0.5 to 48 a week"})


class PostHoldingQuerySet(models.QuerySet):
    def on(self, day: datetime.date):
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day), starts_on__lte=day)


class PostHolding(models.Model):
    """Who fills a post, from when to when, at what whole-time equivalent."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="holdings")
    worker_name = models.CharField(max_length=200)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="post_holdings"
    )
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    wte = models.DecimalField("Whole-time equivalent", max_digits=4, decimal_places=2)

    objects = PostHoldingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return f"{self.worker_name} in {self.post}"

    def clean(self) -> None:
        errors = {}
        in_era(errors, "starts_on", self.starts_on, "The start date")
        in_era(errors, "ends_on", self.ends_on, "The end date")
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The end date must be on or after the start date"
        if not isinstance(self.wte, Decimal):
            return self._raise(errors)
        if self.wte <= 0:
            errors["wte"] = "Enter a whole-time equivalent above 0"
        if not errors and self.post_id and self.starts_on:
            peak = self.peak_wte_filled()
            if peak + self.wte > self.post.wte:
                left = max(self.post.wte - peak, Decimal("0")).quantize(Decimal("0.01"))
                errors["wte"] = (
                    f"The post is {self.post.wte} WTE and {peak.quantize(Decimal('0.01'))} is already filled "
                    f"over these dates: at most {left} is left"
                )
        self._raise(errors)

    @staticmethod
    def _raise(errors: dict) -> None:
        if errors:
            raise ValidationError(errors)

    def peak_wte_filled(self) -> Decimal:
        """The most WTE other holdings fill on any one day of this holding's dates.

        The total only changes when a holding starts, so it is enough to look at this holding's
        first day and at each other holding's start that falls within its dates."""
        others = PostHolding.objects.filter(post_id=self.post_id).exclude(pk=self.pk)
        others = list(others.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=self.starts_on)))
        if self.ends_on:
            others = [h for h in others if h.starts_on <= self.ends_on]
        days = {self.starts_on} | {h.starts_on for h in others if h.starts_on > self.starts_on}
        return max(
            (
                sum(
                    (h.wte for h in others if h.starts_on <= day and (h.ends_on is None or h.ends_on >= day)),
                    Decimal("0"),
                )
                for day in days
            ),
            default=Decimal("0"),
        )
