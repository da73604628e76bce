from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Assurance(models.Model):
    """A professional registration, DBS check or mandatory training, with when it lapses (supervision is
    recorded session by session in the supervision app)."""

    class Kind(models.TextChoices):
        HCPC = "hcpc", "HCPC registration"
        SWE = "swe", "Social Work England registration"
        NMC = "nmc", "NMC registration"
        DBS = "dbs", "DBS check"
        SAFEGUARDING_CHILDREN = "safeguarding_children", "Safeguarding children training"
        SAFEGUARDING_ADULTS = "safeguarding_adults", "Safeguarding adults training"
        MCA = "mca", "Mental Capacity Act training"
        PBS = "pbs", "Positive behaviour support training"
        IG = "ig", "Information governance training"

    REGISTRATIONS = {Kind.HCPC, Kind.SWE, Kind.NMC}

    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assurances")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    reference = models.CharField("Register number or reference", max_length=100, blank=True)
    completed_on = models.DateField()
    expires_on = models.DateField("Expires or next due")

    class Meta:
        # The table the programme app created before assurance had an app of its own: existing
        # databases keep their rows where they are.
        db_table = "programme_assurance"
        ordering = ["expires_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.worker}"

    def clean(self) -> None:
        errors = {}
        if self.completed_on and self.expires_on and self.expires_on < self.completed_on:
            errors["expires_on"] = "The expiry must be after the date completed"
        if self.kind in self.REGISTRATIONS and not (self.reference or "").strip():
            errors["reference"] = "Enter the register number"
        if errors:
            raise ValidationError(errors)

    @property
    def is_lapsed(self) -> bool:
        return self.expires_on < timezone.localdate()
