from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from keywork.datebounds import financial_year_in_era
from keywork.money import LARGEST_PENCE, financial_year_label, financial_year_of, pounds


class Funding(models.Model):
    """Money the programme receives for a financial year, from one source."""

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="funding")
    financial_year = models.PositiveIntegerField(help_text="The year it starts: 2023 for 2023/24")
    source = models.CharField(max_length=200)
    amount_pence = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["financial_year", "source"]

    def __str__(self) -> str:
        return f"{self.source} {financial_year_label(self.financial_year)}: {pounds(self.amount_pence)}"

    def clean(self) -> None:
        errors = {}
        financial_year_in_era(errors, "financial_year", self.financial_year)
        if errors:
            raise ValidationError(errors)


class BudgetLine(models.Model):
    class Category(models.TextChoices):
        STAFF = "staff", "Staff"
        PARTNER_GRANT = "partner_grant", "Partner grant"
        TRAINING = "training", "Training"
        PROGRAMME = "programme", "Programme costs"

    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="budget_lines")
    financial_year = models.PositiveIntegerField()
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    # Twelve monthly amounts in pence, April to March: the budget profile.
    monthly_profile_pence = models.JSONField()

    class Meta:
        ordering = ["financial_year", "category", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({financial_year_label(self.financial_year)})"

    @property
    def annual_pence(self) -> int:
        return sum(self.monthly_profile_pence)

    def clean(self) -> None:
        errors = {}
        financial_year_in_era(errors, "financial_year", self.financial_year)
        if errors:
            raise ValidationError(errors)
        profile = self.monthly_profile_pence
        if not isinstance(profile, list) or len(profile) != 12 or not all(isinstance(p, int) for p in profile):
            raise ValidationError({"monthly_profile_pence": "Give twelve monthly amounts, April to March"})
        if any(amount < 0 for amount in profile):
            raise ValidationError({"monthly_profile_pence": "Budget amounts cannot be negative"})
        if any(amount > LARGEST_PENCE for amount in profile):
            raise ValidationError({"monthly_profile_pence": f"Enter monthly amounts up to {pounds(LARGEST_PENCE)}"})


class Expenditure(models.Model):
    line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="expenditure")
    spent_on = models.DateField()
    # A refund or correction is a negative amount; zero is never an entry.
    amount_pence = models.BigIntegerField()
    payee = models.CharField("Supplier or payee", max_length=200)
    reference = models.CharField(max_length=100, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-spent_on", "-id"]

    def __str__(self) -> str:
        return f"{pounds(self.amount_pence)} to {self.payee} on {self.spent_on}"

    def clean(self) -> None:
        errors = {}
        if self.amount_pence == 0:
            errors["amount_pence"] = "Enter an amount other than zero"
        elif self.amount_pence is not None and abs(self.amount_pence) > LARGEST_PENCE:
            errors["amount_pence"] = f"Enter an amount up to {pounds(LARGEST_PENCE)}"
        if self.line_id and self.spent_on and financial_year_of(self.spent_on) != self.line.financial_year:
            errors["spent_on"] = (
                f"This line is for {financial_year_label(self.line.financial_year)}: the date falls in "
                f"{financial_year_label(financial_year_of(self.spent_on))}"
            )
        if errors:
            raise ValidationError(errors)
