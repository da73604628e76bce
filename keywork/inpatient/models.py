"""Admissions to mental health hospitals, legal status over time, and discharge."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from keywork.datebounds import about_person
from keywork.inpatient.choices import LegalStatus, UnitType
from keywork.keyworking.models import Allocation
from keywork.presenters import uk_long_date


def was_in_hospital(admitted_on: datetime.date, discharged_on: datetime.date | None, day: datetime.date) -> bool:
    """Admitted on or before `day` and not yet discharged by it (discharge day counts as out): the
    figure "In hospital" (keywork/figures), for stays already loaded (the census); in_hospital_on
    below is the same rule as a query."""
    return admitted_on <= day and (discharged_on is None or discharged_on > day)


class AdmissionQuerySet(models.QuerySet):
    def in_hospital_on(self, day: datetime.date):
        """Stays where was_in_hospital(admitted_on, discharged_on, day), as a query."""
        return self.filter(Q(discharged_on__isnull=True) | Q(discharged_on__gt=day), admitted_on__lte=day)

    def current(self):
        return self.in_hospital_on(timezone.localdate())

    def without_a_keyworker(self, day: datetime.date):
        """Stays in hospital on `day` whose person has no open designated keyworker allocation then:
        the inpatient list's "No keyworker" and the figure "Inpatients without a keyworker"."""
        keyworked = Allocation.objects.designated_keyworkers(day).values("person_id")
        return self.in_hospital_on(day).exclude(person__in=keyworked)


class Admission(models.Model):
    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="admissions")
    hospital = models.CharField(max_length=200)
    unit = models.CharField(max_length=200)
    unit_type = models.CharField(max_length=20, choices=UnitType.choices)
    distance_miles = models.PositiveIntegerField("Distance from home in miles")
    admitted_on = models.DateField()
    planned_discharge_on = models.DateField(null=True, blank=True)
    discharged_on = models.DateField(null=True, blank=True)
    discharge_destination = models.CharField(max_length=200, blank=True)
    delay_reasons = models.TextField("Reasons discharge was delayed", blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AdmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-admitted_on", "-id"]
        indexes = [models.Index(fields=["admitted_on", "discharged_on"])]

    def __str__(self) -> str:
        return f"{self.hospital}, admitted {self.admitted_on}"

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.admitted_on and self.admitted_on > today:
            errors["admitted_on"] = "The admission date must be today or in the past"
        if self.discharged_on and self.discharged_on > today:
            errors["discharged_on"] = "The discharge date must be today or in the past"
        if self.admitted_on and self.discharged_on and self.discharged_on < self.admitted_on:
            errors["discharged_on"] = "The discharge date must be on or after the admission date"
        if self.admitted_on and self.planned_discharge_on and self.planned_discharge_on < self.admitted_on:
            errors["planned_discharge_on"] = "The planned discharge must be on or after the admission date"
        person = self.person if self.person_id else None
        about_person(errors, "admitted_on", self.admitted_on, person, "The admission date")
        about_person(errors, "discharged_on", self.discharged_on, person, "The discharge date")
        about_person(errors, "planned_discharge_on", self.planned_discharge_on, person, "The planned discharge")
        if self.discharged_on and not (self.discharge_destination or "").strip():
            errors["discharge_destination"] = "Enter where the person was discharged to"
        if not errors and self.person_id and self.admitted_on and self.overlapping().exists():
            other = self.overlapping().first()
            errors["admitted_on"] = (
                f"This overlaps the admission to {other.hospital} from {uk_long_date(other.admitted_on)}"
            )
        if errors:
            raise ValidationError(errors)

    def overlapping(self):
        """Other admissions of the person sharing a night with this one (a same-day transfer is allowed)."""
        others = Admission.objects.filter(person_id=self.person_id).exclude(pk=self.pk)
        others = others.filter(Q(discharged_on__isnull=True) | Q(discharged_on__gt=self.admitted_on))
        return others.filter(admitted_on__lt=self.discharged_on) if self.discharged_on else others

    def days_in_hospital(self, on: datetime.date | None = None) -> int:
        end = self.discharged_on or on or timezone.localdate()
        return (end - self.admitted_on).days

    def legal_status_on(self, day: datetime.date | None = None):
        changes = [c for c in self.legal_status_changes.all() if c.effective_on <= (day or timezone.localdate())]
        return max(changes, key=lambda c: (c.effective_on, c.id)) if changes else None


class LegalStatusChange(models.Model):
    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="legal_status_changes")
    status = models.CharField(max_length=10, choices=LegalStatus.choices)
    effective_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} from {self.effective_on}"

    def clean(self) -> None:
        admission = self.admission if self.admission_id or "admission" in self._state.fields_cache else None
        if self.effective_on and self.effective_on > timezone.localdate():
            raise ValidationError({"effective_on": "The legal status date must be today or in the past"})
        if not (admission and self.effective_on):
            return
        if self.effective_on < admission.admitted_on:
            raise ValidationError({"effective_on": "The legal status cannot start before the admission"})
        if admission.discharged_on and self.effective_on > admission.discharged_on:
            raise ValidationError({"effective_on": "The legal status cannot start after the discharge"})
