from django.conf import settings
from django.db import models


class SupportPlan(models.Model):
    """One saved version of a person's support and crisis plan; every version is kept."""

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="support_plans")
    version = models.PositiveIntegerField()
    what_helps = models.TextField()
    triggers = models.TextField("Known triggers")
    early_warning_signs = models.TextField()
    who_to_call = models.TextField("Who to call")
    agreed_responses = models.TextField()
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["person", "version"], name="one_plan_per_version")]

    def __str__(self) -> str:
        return f"Support plan version {self.version}"
