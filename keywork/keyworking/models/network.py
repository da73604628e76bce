from django.core.exceptions import ValidationError
from django.db import models

from keywork.keyworking.choices import AgencyType


class Professional(models.Model):
    """Someone in the team around a child: stored once, linked to many people."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="professionals")
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200)
    organisation = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=20, choices=AgencyType.choices)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name}, {self.role}, {self.organisation}"


class Involvement(models.Model):
    """A professional's part in one person's network, with one lead professional per person."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="involvements")
    professional = models.ForeignKey(Professional, on_delete=models.PROTECT, related_name="involvements")
    role_for_person = models.CharField(max_length=200)
    is_lead = models.BooleanField(default=False)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-is_lead", "professional__name", "id"]

    def __str__(self) -> str:
        return f"{self.professional.name} ({self.role_for_person})"

    def clean(self) -> None:
        errors = {}
        if self.professional_id and self.person_id and self.professional.service_id != self.person.service_id:
            errors["professional"] = "Choose a professional of this service"
        current = Involvement.objects.filter(person_id=self.person_id, ended_on__isnull=True).exclude(pk=self.pk)
        if self.professional_id and current.filter(professional_id=self.professional_id).exists():
            errors["professional"] = "This professional is already in the person's network"
        if self.is_lead and current.filter(is_lead=True).exists():
            errors["is_lead"] = "The person already has a lead professional: change that first"
        if errors:
            raise ValidationError(errors)
