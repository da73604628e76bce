from django import forms as django_forms

from keywork.forms import fields


class LegalHoldForm(django_forms.Form):
    # What the page offered: a resubmitted or double-clicked "place" must not lift the hold it placed.
    hold = fields.HiddenChoiceField(choices=[("place", "place"), ("lift", "lift")])
    reason = fields.TextareaField(
        label="Reason",
        hint="For example the claim, inquiry or complaint the record is needed for, and who asked for the hold",
        max_length=2000,
    )
