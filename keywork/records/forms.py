from django import forms

from keywork.forms import fields


class LegalHoldForm(forms.Form):
    reason = fields.TextareaField(
        label="Reason",
        hint="For example the claim, inquiry or complaint the record is needed for, and who asked for the hold",
        max_length=2000,
    )
