"""What the service knows of a person's education: where they learn (over time), their Education,
Health and Care Plan, and the exclusions, part-time timetables and attendance concerns met on the way."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from keywork.datebounds import about_person
from keywork.education.choices import Area, EhcpStatus, EventKind, SettingType
from keywork.education.rules import annual_review_due_after, annual_review_overdue, ends_after_start, periods_overlap
from keywork.locking import VersionedModel


class Recorded(VersionedModel):
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def _person(self):
        return self.person if self.person_id else None


class EducationSetting(Recorded):
    """A school, college or other provision the person attends (or "not in education"), for a period."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="education_settings")
    name = models.CharField(max_length=200, blank=True)
    setting_type = models.CharField("Type", max_length=30, choices=SettingType.choices)
    area = models.CharField(max_length=20, choices=Area.choices)
    distance_miles = models.PositiveSmallIntegerField("Distance from home in miles", null=True, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)

    AUDITED = ("setting_type", "starts_on", "ends_on")

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.name or self.get_setting_type_display()

    @property
    def is_current(self) -> bool:
        return self.ends_on is None

    def clean(self) -> None:
        errors = {}
        person = self._person()
        about_person(errors, "starts_on", self.starts_on, person, "The date they started")
        about_person(errors, "ends_on", self.ends_on, person, "The date they left")
        ends_after_start(errors, self.starts_on, self.ends_on, "the setting")
        if self.setting_type != SettingType.NOT_IN_EDUCATION and not (self.name or "").strip():
            errors.setdefault("name", "Enter the name of the school or college")
        dated = self.starts_on and not {"starts_on", "ends_on"} & errors.keys()
        if person and dated and self.setting_type and self.overlapping_settings():
            errors["starts_on"] = "They already have a setting of this type for some of these dates"
        if errors:
            raise ValidationError(errors)

    def overlapping_settings(self) -> list["EducationSetting"]:
        """Other settings of the same type whose dates share a day with this one's: a person is dual
        registered across types (mainstream and alternative provision), never twice in one type."""
        same_type = self.person.education_settings.filter(setting_type=self.setting_type).exclude(pk=self.pk)
        return [
            other
            for other in same_type
            if periods_overlap(self.starts_on, self.ends_on, other.starts_on, other.ends_on)
        ]


class EhcpQuerySet(models.QuerySet):
    def annual_reviews_due(self, by):
        """Issued plans whose annual review is due on or before `by` (overdue ones included)."""
        return self.filter(status=EhcpStatus.YES, next_annual_review_due__lte=by)


class Ehcp(Recorded):
    """The person's Education, Health and Care Plan: whether they have one, and if so who issued it
    when and when its annual review is due. One per person: the register's only word on an EHCP."""

    person = models.OneToOneField("register.Person", on_delete=models.PROTECT, related_name="ehcp_record")
    status = models.CharField("Education, Health and Care Plan", max_length=20, choices=EhcpStatus.choices)
    issued_on = models.DateField("Date issued", null=True, blank=True)
    local_authority = models.CharField("Local authority that maintains it", max_length=100, blank=True)
    next_annual_review_due = models.DateField(null=True, blank=True)

    AUDITED = ("status", "issued_on", "next_annual_review_due")

    objects = EhcpQuerySet.as_manager()

    class Meta:
        verbose_name = "EHCP"
        verbose_name_plural = "EHCPs"

    def __str__(self) -> str:
        return f"EHCP: {self.get_status_display()}"

    def annual_review_overdue(self, today) -> bool:
        return self.status == EhcpStatus.YES and annual_review_overdue(self.next_annual_review_due, today)

    def clean(self) -> None:
        errors = {}
        person = self._person()
        about_person(errors, "issued_on", self.issued_on, person, "The date the plan was issued")
        about_person(errors, "next_annual_review_due", self.next_annual_review_due, person, "The annual review date")
        if self.status != EhcpStatus.YES:
            # Only an issued plan has a date, a maintaining authority or an annual review.
            for name in ("issued_on", "local_authority", "next_annual_review_due"):
                if getattr(self, name):
                    errors.setdefault(name, "Leave this empty unless they have an EHCP")
        elif self.issued_on and self.next_annual_review_due is None:
            self.next_annual_review_due = annual_review_due_after(self.issued_on)
        due, issued = self.next_annual_review_due, self.issued_on
        if due and issued and due <= issued:
            message = "The annual review must be due after the date the plan was issued"
            errors.setdefault("next_annual_review_due", message)
        if errors:
            raise ValidationError(errors)


def has_ehcp(person) -> bool:
    """Whether the person has an issued plan: a review of them is then a C(E)TR, with Education
    (NHS England C(E)TR policy)."""
    return Ehcp.objects.filter(person=person, status=EhcpStatus.YES).exists()


class EducationEvent(Recorded):
    """An exclusion, a part-time timetable or an attendance concern, with its dates."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="education_events")
    kind = models.CharField("What happened", max_length=30, choices=EventKind.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)

    AUDITED = ("kind", "starts_on", "ends_on")

    class Meta:
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        errors = {}
        person = self._person()
        about_person(errors, "starts_on", self.starts_on, person, "The date it started")
        about_person(errors, "ends_on", self.ends_on, person, "The date it ended")
        ends_after_start(errors, self.starts_on, self.ends_on, "it")
        if self.kind == EventKind.PERMANENT_EXCLUSION and self.ends_on:
            errors.setdefault("ends_on", "A permanent exclusion has no end date: leave it empty")
        if errors:
            raise ValidationError(errors)
