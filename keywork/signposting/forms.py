from django import forms

from keywork.datebounds import in_era
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.signposting.choices import ConnectionKind, Outcome
from keywork.signposting.models import Signposting


class SignpostingForm(VersionedForm, ModelForm):
    signposted_on = fields.DateField(label="Date signposted", error_name="the date signposted")
    organisation = fields.CharField(
        label="Service or group", max_length=200, hint="For example, Medway Autism Youth Club"
    )
    kind = fields.RadioField(label="Kind of service or group", choices=ConnectionKind.choices)
    outcome = fields.RadioField(label="Outcome", choices=Outcome.choices)
    outcome_on = fields.DateField(
        label="Date of the outcome (unless waiting)", required=False, error_name="the date of the outcome"
    )
    notes = fields.TextareaField(label="Notes (optional)", required=False)

    class Meta:
        model = Signposting
        fields = ["signposted_on", "organisation", "kind", "outcome", "outcome_on", "notes"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class PeriodForm(forms.Form):
    """The period the activity report covers: from and to, both days included."""

    start = fields.DateField(label="From", error_name="the first day of the period")
    end = fields.DateField(label="To", error_name="the last day of the period")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        errors = {}
        in_era(errors, "start", start, "The first day")
        in_era(errors, "end", end, "The last day")
        if start and end and end < start:
            errors.setdefault("end", "The last day must be on or after the first day")
        for field, message in errors.items():
            self.add_error(field, message)
        return cleaned
