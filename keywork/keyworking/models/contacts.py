from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from keywork.accounts.permissions import NotesReach, restricted_notes_reach
from keywork.datebounds import about_person, in_era
from keywork.keyworking.choices import ContactType
from keywork.keyworking.models.allocations import Allocation
from keywork.presenters import uk_long_date


class Contact(models.Model):
    """A contact with or about a person. Restricted notes are for their own workers and managers."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="contacts")
    occurred_at = models.DateTimeField()
    contact_type = models.CharField(max_length=20, choices=ContactType.choices)
    duration_minutes = models.PositiveIntegerField()
    workers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="contacts", blank=True)
    family_present = models.CharField("Family members who took part", max_length=300, blank=True)
    professionals = models.ManyToManyField("keyworking.Professional", related_name="contacts", blank=True)
    notes = models.TextField()
    restricted = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_contact_type_display()} on {uk_long_date(self.occurred_at)}"

    def clean(self) -> None:
        errors = {}
        if self.occurred_at and self.occurred_at > timezone.now():
            errors["occurred_at"] = "The contact must be dated now or in the past"
        about_person(errors, "occurred_at", self.occurred_at, self.person if self.person_id else None, "The contact")
        if self.duration_minutes is not None and not 1 <= self.duration_minutes <= 24 * 60:
            errors["duration_minutes"] = "Enter a duration from 1 to 1440 minutes"
        if errors:
            raise ValidationError(errors)


class FollowUpQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Without the follow-ups agreed at a restricted contact whose notes `user` may not read:
        they are hidden exactly as its notes are (restricted_notes_reach)."""
        reach = restricted_notes_reach(user)
        if reach == NotesReach.ALL:
            return self
        hidden = Q(contact__restricted=True)
        if reach == NotesReach.ALLOCATED:
            hidden &= ~Q(person_id__in=Allocation.objects.current().filter(worker=user).values("person_id"))
        return self.exclude(hidden)


class FollowUp(models.Model):
    """An action agreed at a contact, with an owner and a due date, tracked until done."""

    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="follow_ups")
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="follow_ups")
    description = models.TextField()
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups"
    )
    owner_name = models.CharField("Owner outside the service", max_length=200, blank=True)
    due_on = models.DateField()
    done_on = models.DateField(null=True, blank=True)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"{self.description[:40]} (due {self.due_on})"

    def clean(self) -> None:
        errors = {}
        if not self.owner_id and not (self.owner_name or "").strip():
            errors["owner"] = "Choose who owns the follow-up, or name someone outside the service"
        # The contact may not be saved yet: follow-ups are validated with it, in one step.
        contact = self.contact if self.contact_id or "contact" in self._state.fields_cache else None
        if (
            self.due_on
            and contact
            and contact.occurred_at
            and self.due_on < timezone.localtime(contact.occurred_at).date()
        ):
            errors["due_on"] = "The follow-up must be due on or after the contact"
        in_era(errors, "due_on", self.due_on, "The follow-up's due date")
        if errors:
            raise ValidationError(errors)

    @property
    def owner_display(self) -> str:
        return self.owner.display_name if self.owner_id else self.owner_name

    @property
    def is_overdue(self) -> bool:
        return self.done_on is None and self.due_on < timezone.localdate()
