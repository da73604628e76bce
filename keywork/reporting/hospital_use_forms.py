"""The service's bed-day cost, in pounds as people type it, kept in pence (keywork/money.py)."""

from django import forms
from django.core.exceptions import ValidationError

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.money import pence_from_text, pounds
from keywork.services.models import BED_DAY_COST_MOST_PENCE, Service


class BedDayCostForm(ModelForm):
    bed_day_cost = fields.CharField(
        label="Cost of one bed day in pounds",
        error_name="the cost of one bed day",
        required=False,
        width=10,
        hint="What one night in a mental health inpatient bed costs your service, for example 750.00. "
        "Leave it empty to stop estimating the cost of admissions avoided.",
    )

    class Meta:
        model = Service
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.bed_day_cost_pence:
            self.initial["bed_day_cost"] = pounds(self.instance.bed_day_cost_pence)

    def clean_bed_day_cost(self) -> int | None:
        text = self.cleaned_data["bed_day_cost"].strip()
        if not text:
            self.instance.bed_day_cost_pence = None
            return None
        try:
            pence = pence_from_text(text)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error
        if not 0 < pence <= BED_DAY_COST_MOST_PENCE:
            raise forms.ValidationError(f"Enter a cost of more than £0 and up to {pounds(BED_DAY_COST_MOST_PENCE)}")
        self.instance.bed_day_cost_pence = pence
        return pence
