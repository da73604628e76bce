from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from keywork.datebounds import about_person
from keywork.keyworking.choices import ClosingReason, ReferralDecision, ReferralRoute
from keywork.keyworking.models._dates import not_after_today, not_before
from keywork.locking import VersionedModel

# A decision to decline or signpost must say why: the family and the referrer are told.
DECISIONS_NEEDING_A_REASON = {ReferralDecision.DECLINED, ReferralDecision.SIGNPOSTED}


class Referral(VersionedModel):
    """A referral to the keyworking service, its decision and, once accepted, the end of keywork."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="referrals")
    route = models.CharField(max_length=10, choices=ReferralRoute.choices)
    received_on = models.DateField()
    referrer_name = models.CharField(max_length=200)
    referrer_organisation = models.CharField(max_length=200)
    reason = models.TextField()
    decision = models.CharField(max_length=20, choices=ReferralDecision.choices, default=ReferralDecision.PENDING)
    decision_reason = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_on = models.DateField(null=True, blank=True)
    closing_reason = models.CharField(max_length=20, choices=ClosingReason.choices, blank=True)
    closing_notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"Referral of {self.received_on}"

    def clean(self) -> None:
        errors = {}
        not_after_today(errors, "received_on", self.received_on, "The date the referral was received")
        person = self.person if self.person_id else None
        about_person(errors, "received_on", self.received_on, person, "The date the referral was received")
        if self.decision != ReferralDecision.PENDING:
            if not self.decided_on:
                errors["decided_on"] = "Enter the date of the decision"
            not_after_today(errors, "decided_on", self.decided_on, "The date of the decision")
            not_before(
                errors,
                "decided_on",
                self.decided_on,
                self.received_on,
                "The decision must be on or after the date the referral was received",
            )
        if self.decision in DECISIONS_NEEDING_A_REASON and not (self.decision_reason or "").strip():
            errors["decision_reason"] = f"Give the reason the referral was {self.get_decision_display().lower()}"
        if self.closed_on:
            if self.decision != ReferralDecision.ACCEPTED:
                errors["closed_on"] = "Only accepted referrals have keywork to end"
            not_after_today(errors, "closed_on", self.closed_on, "The closing date")
            not_before(
                errors,
                "closed_on",
                self.closed_on,
                self.decided_on,
                "The closing date must be on or after the referral was accepted",
            )
            if not self.closing_reason:
                errors["closing_reason"] = "Choose why keywork is ending"
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.decision == ReferralDecision.ACCEPTED and self.closed_on is None

    @property
    def days_waiting(self) -> int:
        """Whole days since the referral was received: what the queues show against the target."""
        return (timezone.localdate() - self.received_on).days

    @property
    def decision_overdue(self) -> bool:
        """Still undecided after the service's target (Service.referral_decision_target_days)."""
        target = self.person.service.referral_decision_target_days
        return self.decision == ReferralDecision.PENDING and self.days_waiting > target

    @property
    def days_to_decision(self) -> int | None:
        return (self.decided_on - self.received_on).days if self.decided_on else None

    def days_to_allocation(self) -> int | None:
        """Days from receipt to the first designated keyworker allocated on or after it."""
        first = (
            self.person.allocations.filter(worker_type="practice_consultant", starts_on__gte=self.received_on)
            .order_by("starts_on")
            .first()
        )
        return (first.starts_on - self.received_on).days if first else None
