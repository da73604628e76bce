"""Subject access requests: a person (or someone for them) asks for a copy of everything held on them.

The rules are UK GDPR Article 12(3) and Article 15, as the ICO's right-of-access guidance reads them:
respond within one calendar month of receipt, extendable by up to two further months with a reason.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from keywork.presenters import plural, uk_long_date
from keywork.records.retention import add_months
from keywork.register.rules import age_on

# UK GDPR Article 12(3): one month from receipt, extendable by two further months.
RESPONSE_MONTHS = 1
MOST_EXTENSION_MONTHS = 2
# ICO guidance: from about 12 a child may be able to ask for themselves; this service lets a parent
# ask on a child's behalf only while the child is under 16 (older: the person, or a representative).
PARENT_MAY_ASK_UNDER_AGE = 16


def response_due_on(received_on: datetime.date, extension_months: int = 0) -> datetime.date:
    """The day a response is due: the same date one calendar month after receipt (or that month's last
    day: 31 January → 28/29 February), plus any extension, counted from receipt too.

    >>> response_due_on(datetime.date(2025, 1, 31)), response_due_on(datetime.date(2025, 3, 31), 2)
    (datetime.date(2025, 2, 28), datetime.date(2025, 6, 30))
    """
    return add_months(received_on, RESPONSE_MONTHS + extension_months)


class Relationship(models.TextChoices):
    SELF = "self", "The person themselves"
    PARENT = "parent", "A parent, for a child under 16"
    REPRESENTATIVE = "representative", "A representative acting for the person (for example a solicitor or advocate)"


class SubjectAccessRequestQuerySet(models.QuerySet):
    def open_first(self):
        """Open requests first, soonest due first; then answered ones, latest answered first."""
        return self.order_by(models.F("responded_on").desc(nulls_first=True), "due_on", "id")


class SubjectAccessRequest(models.Model):
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="subject_access_requests")
    received_on = models.DateField("Date received")
    requester_name = models.CharField("Name of the person asking", max_length=200)
    relationship = models.CharField("Who is asking", max_length=20, choices=Relationship.choices)
    identity_checked_on = models.DateField("Date identity checked", null=True, blank=True)
    identity_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    identity_evidence = models.CharField("How identity was checked", max_length=300, blank=True)
    extension_months = models.PositiveSmallIntegerField(default=0)
    extension_reason = models.TextField("Reason for the extension", blank=True)
    due_on = models.DateField(editable=False)
    responded_on = models.DateField("Date responded", null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = SubjectAccessRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return f"Subject access request received {uk_long_date(self.received_on)}"

    def save(self, *args, update_fields=None, **kwargs):
        self.due_on = response_due_on(self.received_on, self.extension_months)
        if update_fields is not None and {"received_on", "extension_months"} & set(update_fields):
            update_fields = {*update_fields, "due_on"}
        super().save(*args, update_fields=update_fields, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("subjectaccess:request", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.responded_on is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and response_due_on(self.received_on, self.extension_months) < timezone.localdate()

    @property
    def identity_checked(self) -> bool:
        return self.identity_checked_on is not None

    def extension_refusal(self, on: datetime.date) -> str:
        """Why the request cannot be extended on `on`, or "" if it can. ICO guidance: the extension is
        decided, and the requester told why, within the first month; an answered request is closed."""
        if not self.is_open:
            return "This request has been responded to, so it cannot be extended"
        first_month_ends = response_due_on(self.received_on)
        if on > first_month_ends:
            return (
                "The time to respond can be extended only within the first month, which ended on "
                f"{uk_long_date(first_month_ends)}: the extension had to be decided, and the requester told why, "
                "by then"
            )
        return ""

    def add_extension(self, months: int, reason: str, on: datetime.date) -> None:
        """Extend by `months` more, keeping the reason for any earlier extension beside the new one."""
        refusal = self.extension_refusal(on)
        if refusal:
            raise ValidationError(refusal)
        if not reason.strip():
            raise ValidationError({"extension_reason": "Enter the reason for the extension"})
        entry = f"{plural(months, 'month')} on {uk_long_date(on)}: {reason.strip()}"
        self.extension_months += months
        self.extension_reason = f"{self.extension_reason}; {entry}" if self.extension_reason else entry

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.received_on and self.received_on > today:
            errors["received_on"] = "The date received must be today or in the past"
        if self.received_on and self.responded_on and self.responded_on < self.received_on:
            errors["responded_on"] = "The response cannot be dated before the request was received"
        elif self.responded_on and self.responded_on > today:
            errors["responded_on"] = "The date responded must be today or in the past"
        if self.received_on and self.identity_checked_on and self.identity_checked_on < self.received_on:
            errors["identity_checked_on"] = "The identity check cannot be dated before the request was received"
        elif self.identity_checked_on and self.identity_checked_on > today:
            errors["identity_checked_on"] = "The date identity was checked must be today or in the past"
        self._check_extension(errors)
        self._check_parent(errors)
        if errors:
            raise ValidationError(errors)

    def _check_extension(self, errors: dict) -> None:
        if self.extension_months > MOST_EXTENSION_MONTHS:
            errors["extension_months"] = f"A request can be extended by at most {MOST_EXTENSION_MONTHS} months in total"
        if self.extension_months and not self.extension_reason.strip():
            errors["extension_reason"] = "Enter the reason for the extension"

    def _check_parent(self, errors: dict) -> None:
        if self.relationship != Relationship.PARENT or not (self.person_id and self.received_on):
            return
        age = age_on(self.person.date_of_birth, self.received_on)
        if age >= PARENT_MAY_ASK_UNDER_AGE:
            errors["relationship"] = (
                f"A parent can ask only for a child under {PARENT_MAY_ASK_UNDER_AGE}: "
                f"{self.person.full_name} was {age} when the request was received. "
                "Record the parent as a representative if the person has agreed to them asking"
            )
