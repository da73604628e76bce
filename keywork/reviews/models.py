"""Care (Education) and Treatment Reviews and the actions their recommendations become."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.datebounds import about_person
from keywork.locking import VersionedModel
from keywork.presenters import uk_long_date
from keywork.reviews.choices import ActionStatus, OwnerKind, ReviewKind
from keywork.reviews.files import ReportValidator, report_storage


class Review(VersionedModel):
    """A C(E)TR. It is a C(E)TR (with Education) for a person with an EHCP, else a CTR."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="reviews")
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    includes_education = models.BooleanField("C(E)TR (with Education)", default=False)
    requested_on = models.DateField()
    scheduled_on = models.DateField(null=True, blank=True)
    held_on = models.DateField(null=True, blank=True)
    chair = models.CharField(max_length=200, blank=True)
    clinical_expert = models.CharField(max_length=200, blank=True)
    expert_by_experience = models.CharField(max_length=200, blank=True)
    other_attendees = models.TextField(blank=True)
    outcome_summary = models.TextField(blank=True)
    report = models.FileField(upload_to="%Y/%m/", storage=report_storage, validators=[ReportValidator()], blank=True)
    report_name = models.CharField(max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    actions = GenericRelation("reviews.Action", content_type_field="source_type", object_id_field="source_id")

    class Meta:
        ordering = ["-requested_on", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display().lower()}) requested {self.requested_on}"

    @property
    def name(self) -> str:
        if self.kind == ReviewKind.LAEP:
            return "LAEP meeting"
        return "C(E)TR" if self.includes_education else "CTR"

    @property
    def is_laep(self) -> bool:
        return self.kind == ReviewKind.LAEP

    @property
    def action_source_date(self):
        """The day the panel met (or, before it has, was asked for): its actions are due from then."""
        return self.held_on or self.requested_on

    @property
    def action_source_label(self) -> str:
        if self.held_on:
            return f"{self.name} on {uk_long_date(self.held_on)}"
        return f"{self.name} requested on {uk_long_date(self.requested_on)}"

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.is_laep and self.held_on:
            # Called and held at once when admission cannot wait: its request is its meeting.
            self.requested_on = self.scheduled_on = self.held_on
        if self.requested_on and self.requested_on > today:
            errors["requested_on"] = "The request date must be today or in the past"
        if self.held_on and self.held_on > today:
            errors["held_on"] = "The date held must be today or in the past"
        if self.requested_on and self.held_on and self.held_on < self.requested_on:
            errors.setdefault("held_on", "A review cannot be held before it was requested")
        if self.requested_on and self.scheduled_on and self.scheduled_on < self.requested_on:
            errors["scheduled_on"] = "A review cannot be scheduled before it was requested"
        person = self.person if self.person_id else None
        about_person(errors, "requested_on", self.requested_on, person, "The request date")
        about_person(errors, "scheduled_on", self.scheduled_on, person, "The date scheduled")
        about_person(errors, "held_on", self.held_on, person, "The date held")
        if self.is_laep:
            self._laep_errors(errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _laep_errors(errors) -> None:
        # Its request and scheduled dates are its meeting date, whose own error says what is wrong.
        errors.pop("requested_on", None)
        errors.pop("scheduled_on", None)


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=ActionStatus.OPEN)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def raised_by(self, model):
        """Actions whose source is a `model` record (a C(E)TR, say), whichever record it is."""
        return self.filter(source_type=ContentType.objects.get_for_model(model))

    def for_lists(self):
        """What a list of actions shows, in a fixed number of queries: the person, the owner and
        the record each action came from (its source label)."""
        return self.select_related("person", "owner_staff", "owner_professional").prefetch_related("source")


def staff_who_may_own_actions(service):
    """The service's own active staff; commissioners oversee the service rather than work in it."""
    return service.users.filter(is_active=True).exclude(role=Role.COMMISSIONER).order_by("last_name", "first_name")


# Exactly one kind of owner, so an action is never unowned and "who owns it" has one answer.
_NO_STAFF = Q(owner_staff__isnull=True)
_NO_PROFESSIONAL = Q(owner_professional__isnull=True)
_NO_ORGANISATION = Q(owner_organisation="")
ONE_OWNER = (
    (~_NO_STAFF & _NO_PROFESSIONAL & _NO_ORGANISATION)
    | (_NO_STAFF & ~_NO_PROFESSIONAL & _NO_ORGANISATION)
    | (_NO_STAFF & _NO_PROFESSIONAL & ~_NO_ORGANISATION)
)


class Action(VersionedModel):
    """Something agreed for a person, with one owner and a due date, tracked until done or dropped.

    Any record may raise actions; it is the action's `source`: a C(E)TR's recommendations today, a
    DSR meeting's or an assessment's later. A source model declares
    `actions = GenericRelation("reviews.Action", content_type_field="source_type",
    object_id_field="source_id")`, has a `person` (or passes one to `raised_from`), and may give an
    `action_source_label` ("C(E)TR on 5 October 2026"; else its str) and an `action_source_date`
    (no action is due before it).
    """

    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="actions")
    recommendation = models.TextField()
    owner_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="owned_actions"
    )
    owner_professional = models.ForeignKey(
        "keyworking.Professional", on_delete=models.PROTECT, null=True, blank=True, related_name="owned_actions"
    )
    owner_organisation = models.CharField(max_length=200, blank=True)
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    evidence = models.TextField("Evidence of completion", blank=True)
    completed_on = models.DateField(null=True, blank=True)
    dropped_reason = models.TextField(blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["source_type", "source_id"], name="action_source")]
        constraints = [
            models.CheckConstraint(
                condition=ONE_OWNER,
                name="action_has_one_owner",
                violation_error_message="An action has one owner: a member of staff, a professional or an organisation",
            )
        ]

    def __str__(self) -> str:
        return self.recommendation[:60]

    @classmethod
    def raised_from(cls, source, *, person=None, **values) -> "Action":
        """An unsaved action raised by `source`, about `person` (by default the source's own)."""
        return cls(source=source, person=person or source.person, **values)

    def clean(self) -> None:
        errors = self._owner_errors()
        source_day = getattr(self.source, "action_source_date", None)
        if self.due_on and source_day and self.due_on < source_day:
            errors["due_on"] = f"An action cannot be due before the {self.source_label}"
        if self.status == ActionStatus.DONE and not (self.evidence or "").strip():
            errors["evidence"] = "Give the evidence that the action is done"
        if self.status == ActionStatus.DROPPED and not (self.dropped_reason or "").strip():
            errors["dropped_reason"] = "Give the reason the action was dropped"
        person = self.person if self.person_id else None
        about_person(errors, "due_on", self.due_on, person, "The due date")
        about_person(errors, "completed_on", self.completed_on, person, "The date completed")
        if errors:
            raise ValidationError(errors)

    def _owner_errors(self) -> dict[str, str]:
        named = [
            name
            for name, value in (
                ("owner_staff", self.owner_staff_id),
                ("owner_professional", self.owner_professional_id),
                ("owner_organisation", (self.owner_organisation or "").strip()),
            )
            if value
        ]
        if not named:
            return {"owner_staff": "Choose who owns the action: a member of staff, a professional or an organisation"}
        if len(named) > 1:
            # On the last one given, so the message sits beside the choice to undo.
            return {named[-1]: "Choose only one owner: a member of staff, a professional or an organisation"}
        return {}

    @property
    def owner_kind(self) -> str:
        if self.owner_staff_id:
            return OwnerKind.STAFF
        if self.owner_professional_id:
            return OwnerKind.PROFESSIONAL
        return OwnerKind.ORGANISATION if self.owner_organisation else ""

    @property
    def owner_display(self) -> str:
        if self.owner_staff_id:
            return self.owner_staff.display_name
        if self.owner_professional_id:
            return str(self.owner_professional)
        return self.owner_organisation

    @property
    def source_kind(self) -> str:
        """The source's model as "app.model" (for example "reviews.review"), from the cached content types."""
        return ".".join(ContentType.objects.get_for_id(self.source_type_id).natural_key())

    @property
    def source_label(self) -> str:
        source = self.source
        if source is None:
            return ""
        return getattr(source, "action_source_label", None) or str(source)

    @property
    def is_overdue(self) -> bool:
        return self.status == ActionStatus.OPEN and self.due_on < timezone.localdate()
