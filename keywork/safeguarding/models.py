"""A person's safeguarding status over time, and the safeguarding concerns staff raise about them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from keywork.accounts.permissions import NotesReach, restricted_notes_reach
from keywork.datebounds import about_person, in_era
from keywork.locking import VersionedModel
from keywork.presenters import uk_long_date
from keywork.safeguarding import rules
from keywork.safeguarding.choices import ConcernCategory, LegalBasis, ReferredTo, StatusKind


def _not_after_today(errors: dict, field: str, value, what: str) -> None:
    if value and value > timezone.localdate():
        errors.setdefault(field, f"{what} must be today or in the past")


class StatusQuerySet(models.QuerySet):
    def current(self, day=None):
        """Statuses where rules.is_current(starts_on, ends_on, day), as a query."""
        day = day or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=day), starts_on__lte=day)


class SafeguardingStatus(VersionedModel):
    """A period under a child protection plan, as a child in need, looked after, as a care leaver
    or under adult safeguarding, with the local authority and social worker responsible."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="safeguarding_statuses")
    kind = models.CharField(max_length=30, choices=StatusKind.choices)
    legal_basis = models.CharField(max_length=20, choices=LegalBasis.choices, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    local_authority = models.CharField(max_length=100)
    social_worker = models.CharField("Social worker's name", max_length=200, blank=True)
    social_worker_contact = models.CharField("Social worker's phone or email", max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = StatusQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {uk_long_date(self.starts_on)}"

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        _not_after_today(errors, "starts_on", self.starts_on, "The start date")
        about_person(errors, "starts_on", self.starts_on, person, "The start date")
        about_person(errors, "ends_on", self.ends_on, person, "The end date")
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            errors.setdefault("ends_on", "The end date must be after the start date")
        if self.kind and rules.needs_legal_basis(self.kind) and not self.legal_basis:
            errors["legal_basis"] = "Choose the legal basis on which they are looked after"
        if self.kind and not rules.needs_legal_basis(self.kind) and self.legal_basis:
            errors["legal_basis"] = "Only a looked-after status has a legal basis"
        born = getattr(person, "date_of_birth", None)
        if self.kind and self.starts_on and born and not rules.kind_fits_age(self.kind, born, self.starts_on):
            errors.setdefault("kind", _age_message(self.kind))
        if not errors and person and self.kind and self.starts_on and (other := self.overlapping()):
            errors["starts_on"] = f"This overlaps the {other[0].get_kind_display().lower()} status from " + (
                uk_long_date(other[0].starts_on)
            )
        if errors:
            raise ValidationError(errors)

    def overlapping(self) -> list:
        """The person's other statuses of the same kind sharing a day with this one."""
        others = SafeguardingStatus.objects.filter(person_id=self.person_id, kind=self.kind).exclude(pk=self.pk)
        return [s for s in others if rules.periods_overlap(self.starts_on, self.ends_on, s.starts_on, s.ends_on)]

    @property
    def is_current(self) -> bool:
        return rules.is_current(self.starts_on, self.ends_on, timezone.localdate())


def _age_message(kind: str) -> str:
    if kind == StatusKind.ADULT_SAFEGUARDING:
        return "Adult safeguarding is for people aged 18 or over on the start date"
    return f"{StatusKind(kind).label} is for children: they must be under 18 on the start date"


class ConcernQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Only the concerns `user` may read: those about people whose restricted notes they may
        read (accounts.permissions.restricted_notes_reach), the rule contact notes follow."""
        reach = restricted_notes_reach(user)
        if reach == NotesReach.ALL:
            return self
        if reach == NotesReach.NONE:
            return self.none()
        return self.filter(person__allocations__in=user.allocations.current()).distinct()

    def open(self):
        """No outcome yet, or a follow-up not yet done."""
        awaiting_follow_up = Q(follow_up_due_on__isnull=False, follow_up_done_on__isnull=True)
        return self.filter(Q(outcome_on__isnull=True) | awaiting_follow_up)


class SafeguardingConcern(VersionedModel):
    """A safeguarding concern a member of staff raised: what happened, where it was referred, the
    outcome and the follow-up. Seen only by those who may read the person's restricted notes."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="safeguarding_concerns")
    raised_on = models.DateField()
    raised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    category = models.CharField(max_length=30, choices=ConcernCategory.choices)
    what_happened = models.TextField()
    referred_to = models.CharField(max_length=30, choices=ReferredTo.choices)
    not_referred_reason = models.TextField("Why it was not referred", blank=True)
    outcome = models.TextField(blank=True)
    outcome_on = models.DateField("Date of the outcome", null=True, blank=True)
    follow_up = models.TextField(blank=True)
    follow_up_due_on = models.DateField("Follow-up due", null=True, blank=True)
    follow_up_done_on = models.DateField("Follow-up done", null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-raised_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_category_display()} concern raised {uk_long_date(self.raised_on)}"

    def clean(self) -> None:
        errors = {}
        person = self.person if self.person_id else None
        _not_after_today(errors, "raised_on", self.raised_on, "The date the concern was raised")
        about_person(errors, "raised_on", self.raised_on, person, "The date the concern was raised")
        unexplained = not (self.not_referred_reason or "").strip()
        if self.referred_to and rules.needs_reason_for_not_referring(self.referred_to) and unexplained:
            errors["not_referred_reason"] = "Enter why the concern was not referred"
        _not_after_today(errors, "outcome_on", self.outcome_on, "The date of the outcome")
        self._on_or_after_raised(errors, "outcome_on", self.outcome_on, "The outcome")
        if self.outcome_on and not (self.outcome or "").strip():
            errors["outcome"] = "Enter the outcome"
        if (self.outcome or "").strip() and not self.outcome_on:
            errors["outcome_on"] = "Enter the date of the outcome"
        in_era(errors, "follow_up_due_on", self.follow_up_due_on, "The follow-up's due date")
        self._on_or_after_raised(errors, "follow_up_due_on", self.follow_up_due_on, "The follow-up")
        if self.follow_up_due_on and not (self.follow_up or "").strip():
            errors["follow_up"] = "Enter the follow-up agreed"
        if (self.follow_up or "").strip() and not self.follow_up_due_on:
            errors["follow_up_due_on"] = "Enter the date the follow-up is due"
        _not_after_today(errors, "follow_up_done_on", self.follow_up_done_on, "The date the follow-up was done")
        self._on_or_after_raised(errors, "follow_up_done_on", self.follow_up_done_on, "The follow-up")
        if self.follow_up_done_on and not self.follow_up_due_on:
            errors.setdefault("follow_up_done_on", "Record the follow-up before marking it done")
        if errors:
            raise ValidationError(errors)

    def _on_or_after_raised(self, errors: dict, field: str, value, what: str) -> None:
        if value and self.raised_on and value < self.raised_on:
            errors.setdefault(field, f"{what} must be dated on or after the concern was raised")

    @property
    def is_open(self) -> bool:
        return self.outcome_on is None or (self.follow_up_due_on is not None and self.follow_up_done_on is None)

    @property
    def follow_up_overdue(self) -> bool:
        due = self.follow_up_due_on
        return due is not None and self.follow_up_done_on is None and due < timezone.localdate()
