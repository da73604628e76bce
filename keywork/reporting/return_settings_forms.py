"""The quarterly return's settings: the ODS code it is submitted under, and whether its files hide
small numbers (keywork/accounts/audience.py: by default they carry true counts)."""

import re

from django import forms

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.services.models import Service

ODS_CODE = re.compile(r"[A-Z0-9]{3,10}")
YES, NO = "yes", "no"


class ReturnSettingsForm(ModelForm):
    ods_code = fields.CharField(
        label="ODS code",
        error_name="the ODS code",
        required=False,
        width=10,
        hint="The organisation code the return is submitted under, for example QKS. Letters and numbers, 3 to 10 "
        "characters.",
    )
    return_files_suppressed = fields.RadioField(
        label="Hide small numbers in the return's files",
        error_name="whether to hide small numbers in the return's files",
        choices=[
            (NO, "No, the files carry the true counts"),
            (YES, "Yes, hide small numbers as when the figures are published"),
        ],
        hint="The return goes to NHS England through a secure collection, not publication, so its files carry the "
        "true counts unless you choose otherwise.",
    )

    class Meta:
        model = Service
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["ods_code"] = self.instance.ods_code
        self.initial["return_files_suppressed"] = YES if self.instance.return_files_suppressed else NO

    def clean_ods_code(self) -> str:
        code = self.cleaned_data["ods_code"].strip().upper()
        if code and not ODS_CODE.fullmatch(code):
            raise forms.ValidationError("Enter an ODS code of 3 to 10 letters and numbers, like QKS")
        self.instance.ods_code = code
        return code

    def clean_return_files_suppressed(self) -> bool:
        suppressed = self.cleaned_data["return_files_suppressed"] == YES
        self.instance.return_files_suppressed = suppressed
        return suppressed
