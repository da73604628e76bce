"""DSR review meetings: who met, who was on the agenda and why, and what was decided for each person."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from keywork.meetings.choices import AgendaReason, MeetingStatus
from keywork.presenters import uk_long_date
from keywork.register.choices import Rating


class Meeting(models.Model):
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="dsr_meetings")
    held_on = models.DateField()
    chair = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.OPEN)
    closed_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"DSR meeting on {uk_long_date(self.held_on)}"

    def get_absolute_url(self) -> str:
        return reverse("meetings:meeting", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status == MeetingStatus.OPEN

    def clean(self) -> None:
        if self.held_on and self.held_on > timezone.localdate() + datetime.timedelta(days=366):
            raise ValidationError({"held_on": "The meeting date must be within the next year"})

    def previous(self) -> "Meeting | None":
        """The service's last meeting before this one: what "since the last meeting" counts from."""
        earlier = Meeting.objects.filter(service_id=self.service_id, held_on__lt=self.held_on)
        return earlier.order_by("-held_on", "-id").first()


class Attendee(models.Model):
    """A member of staff, or someone from outside (who is no user of Keywork), with their organisation."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True)
    name = models.CharField(max_length=200, blank=True)
    organisation = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(staff__isnull=False) | ~Q(name=""),
                name="attendee_is_staff_or_named",
            )
        ]

    def __str__(self) -> str:
        name = self.staff.display_name if self.staff_id else self.name
        return f"{name} ({self.organisation})" if self.organisation else name


class AgendaItem(models.Model):
    """A person to discuss, with why Keywork listed them; the chair may add or take people off."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="dsr_agenda_items")
    reasons = models.JSONField(default=list)
    # The rating the agenda was built with (as of the meeting's date): the one its reasons were
    # decided on, kept so "Rated red" still reads true once the meeting has changed the rating.
    rating_listed = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    removed = models.BooleanField(default=False)

    class Meta:
        ordering = ["person__family_name", "person__given_name", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_agenda_item_per_person")]

    def __str__(self) -> str:
        return f"{self.person} at {self.meeting}"

    def reason_labels(self) -> list[str]:
        """Why listed, in words; "Rated red" (or blue) names the rating it was listed with."""
        return [self._reason_label(AgendaReason(code)) for code in self.reasons]

    def _reason_label(self, reason: AgendaReason) -> str:
        if reason == AgendaReason.BLUE_OR_RED and self.rating_listed in (Rating.BLUE, Rating.RED):
            return f"Rated {self.rating_listed}"
        return reason.label

    @property
    def rating_changed_since_listed(self) -> bool:
        """The person's rating today differs from the one the agenda was built with: both are shown."""
        return bool(self.rating_listed) and self.rating_listed != self.person.rating


class Decision(models.Model):
    """What the meeting decided for one person, saved as soon as it is submitted so a meeting left
    half way loses nothing. A rating confirmed or changed is an entry of the register's own rating
    history (`rating_change`); actions agreed are the reviews app's actions, raised by this decision."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="dsr_decisions")
    decision = models.TextField()
    rating_change = models.ForeignKey(
        "register.RatingChange", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now=True)
    actions = GenericRelation("reviews.Action", content_type_field="source_type", object_id_field="source_id")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_decision_per_person")]

    def __str__(self) -> str:
        return f"Decision for {self.person} at {self.meeting}"

    @property
    def action_source_date(self):
        return self.meeting.held_on

    @property
    def action_source_label(self) -> str:
        return str(self.meeting)
