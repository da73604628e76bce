from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ModelForm(forms.ModelForm):
    """A ModelForm whose model-rule errors always land on a form field, or at the top of the form.

    `model_error_fields` maps a model field the form shows under another name (a date and a time
    box for one datetime, say). Other records validated with the form (a first rating, a follow-up)
    report through `add_record_errors`.
    """

    model_error_fields: dict[str, str] = {}

    def _update_errors(self, errors):
        super()._update_errors(self._on_form_fields(errors, self.model_error_fields))

    def add_record_errors(self, record, names: dict[str, str]) -> None:
        """Run `record`'s rules and show its errors here, its fields renamed by `names`."""
        try:
            record.clean()
        except ValidationError as error:
            for field, messages in self._on_form_fields(error, names).error_dict.items():
                self.add_error(None if field == NON_FIELD_ERRORS else field, messages)

    def _on_form_fields(self, error: ValidationError, names: dict[str, str]) -> ValidationError:
        if not hasattr(error, "error_dict"):
            return error
        placed: dict[str, list] = {}
        for field, messages in error.error_dict.items():
            target = names.get(field, field)
            if target not in self.fields:
                target = NON_FIELD_ERRORS
            placed.setdefault(target, []).extend(messages)
        return ValidationError(placed)
