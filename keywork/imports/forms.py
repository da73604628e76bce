from django import forms as django_forms
from django.conf import settings

from keywork.forms import fields
from keywork.imports.columns import TARGETS
from keywork.imports.models import SavedMapping

NOT_IMPORTED = ""


class UploadForm(django_forms.Form):
    file = fields.FileField(
        label="DSR spreadsheet",
        error_messages={"empty": "The file is empty"},
    )
    saved_mapping = fields.ModelChoiceField(
        label="Use a saved column mapping (optional)",
        error_name="a saved column mapping",
        queryset=SavedMapping.objects.none(),
        required=False,
        empty_label="No: guess from the headings",
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["saved_mapping"].queryset = SavedMapping.objects.filter(service=service)
        # The limits as this installation sets them (settings.IMPORT_MAX_*), so the hint never disagrees.
        self.fields["file"].hint = (
            "An Excel workbook (.xlsx) or a CSV file, with column headings in the first row; up to "
            f"{settings.IMPORT_MAX_BYTES // (1024 * 1024)} MB and {settings.IMPORT_MAX_ROWS:,} rows"
        )

    def clean_file(self):
        # Refused on its declared size, before a byte of it is read into memory.
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise django_forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB: split it, or remove other sheets"
            )
        return upload


class MappingForm(django_forms.Form):
    """One drop-down per column of the file: which field it holds, or not imported."""

    save_as = fields.CharField(
        label="Save this mapping as (optional)",
        error_name="a name for the mapping",
        hint="A name, like 'Monthly DSR spreadsheet', to use it again next time",
        required=False,
        max_length=100,
    )

    def __init__(self, *args, headings: list[str], mapping: dict[str, str], samples: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.headings = headings
        choices = [(NOT_IMPORTED, "Not imported")] + [
            (target.key, target.label + (" (needed)" if target.required else "")) for target in TARGETS
        ]
        columns = {}
        for index, heading in enumerate(headings):
            sample = samples[index] if index < len(samples) else ""
            columns[f"column_{index}"] = fields.ChoiceField(
                label=heading,
                error_name=f"what the column ‘{heading}’ holds",
                choices=choices,
                required=False,
                initial=mapping.get(heading, NOT_IMPORTED),
                hint=f"First row: {sample}" if sample not in (None, "") else "First row: empty",
            )
        # The columns come first, in the file's order; the name to save them under last.
        self.fields = columns | {"save_as": self.fields["save_as"]}

    def mapping(self) -> dict[str, str]:
        return {
            heading: self.cleaned_data[f"column_{index}"]
            for index, heading in enumerate(self.headings)
            if self.cleaned_data.get(f"column_{index}")
        }


class ImportForm(django_forms.Form):
    accept_refused = fields.BooleanField(
        label="Import the other rows and leave the refused rows out",
        required=False,
    )
