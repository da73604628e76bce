"""Subject access forms. Parsing is here; the rules (due dates, extensions, who may ask) are on the model.

The forms acting on a recorded request name their fields as the model does, so a rule the model
refuses shows against the box it is about."""

from django import forms

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.presenters import plural
from keywork.subjectaccess.models import MOST_EXTENSION_MONTHS, Relationship, SubjectAccessRequest


class RequestForm(ModelForm):
    received_on = fields.DateField(label="Date received", hint="The response is due one calendar month after this date")
    requester_name = fields.CharField(label="Name of the person asking", max_length=200)
    relationship = fields.RadioField(label="Who is asking", choices=Relationship.choices, error_name="who is asking")

    class Meta:
        model = SubjectAccessRequest
        fields = ["received_on", "requester_name", "relationship"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class IdentityCheckForm(forms.Form):
    identity_checked_on = fields.DateField(label="Date identity checked")
    identity_evidence = fields.CharField(
        label="How identity was checked",
        max_length=300,
        hint="For example, passport seen in person, or known to the service and confirmed by phone",
    )


class ExtensionForm(forms.Form):
    extension_months = fields.RadioField(
        label="Extend by",
        error_name="how long to extend by",
        choices=[(str(n), plural(n, "month")) for n in range(1, MOST_EXTENSION_MONTHS + 1)],
        hint=f"Up to {MOST_EXTENSION_MONTHS} months in total beyond the first month, when the request is complex "
        "or one of several from the same person",
    )
    extension_reason = fields.TextareaField(
        label="Reason for the extension", hint="Tell the requester this reason within the first month"
    )


class ResponseForm(forms.Form):
    responded_on = fields.DateField(label="Date responded", hint="The date the pack was sent or the request closed")
