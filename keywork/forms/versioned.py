"""The page half of optimistic locking (keywork.locking): the form of a versioned record carries,
in hidden fields, the version the user opened and the values it then held.

When the save is refused as stale the form is shown again with what the user typed, every field
someone else changed marked with its value now, and the version now, so saving again goes through
(and overwrites only with what the user has seen).
"""

import datetime
import re

from django import forms
from django.core import signing
from django.db import models

from keywork.forms import fields
from keywork.presenters import uk_date

STALE_RECORD = (
    "Someone else changed this record while you were editing it. Your changes have not been saved yet: "
    "check them against what changed, then save again."
)

_SALT = "keywork.forms.versioned"


class VersionedForm(forms.Form):
    """Put first in a ModelForm's bases: `class EscalationResponseForm(VersionedForm, ModelForm)`.
    The view passes `form.cleaned_data["version"]` to the save; a new record's form carries 0."""

    version = fields.HiddenIntegerField(min_value=0)
    opened_values = fields.HiddenCharField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields["version"].required = False  # a new record: nobody else can have saved it
        if not self.is_bound:
            self.initial["version"] = self.instance.version if self.instance.pk else 0
            self.initial["opened_values"] = self._snapshot(self.instance)

    def show_changes_since_opened(self, error) -> None:
        """Say the save was refused and what changed, and carry the record's version now."""
        self.add_error(None, STALE_RECORD)
        current = error.current
        if current is None:
            return
        opened = self._opened()
        for name in self.record_fields():
            model_field = current._meta.get_field(name)
            if name in opened and model_field.value_to_string(current) != opened[name]:
                now = _shown(current, model_field, self.fields[name])
                self.add_error(name, _changed(self.fields[name].label, now))
        data = self.data.copy()
        data[self.add_prefix("version")] = current.version
        data[self.add_prefix("opened_values")] = self._snapshot(current)
        self.data = data

    def record_fields(self) -> list[str]:
        names = {field.name for field in self.instance._meta.concrete_fields} - {"version"}
        return [name for name in self.fields if name in names]

    def _snapshot(self, record) -> str:
        values = {name: record._meta.get_field(name).value_to_string(record) for name in self.record_fields()}
        return signing.dumps(values, salt=_SALT, compress=True)

    def _opened(self) -> dict:
        """The values as the user opened them; none when the page did not send them back intact."""
        try:
            return signing.loads(self.data.get(self.add_prefix("opened_values"), ""), salt=_SALT)
        except signing.BadSignature:
            return {}


def _changed(label, now: str) -> str:
    """The error against one field, naming its value now: 'Response is now “Called back”: …'."""
    label = re.sub(r" \(optional[^)]*\)$", "", str(label))
    if label.endswith("?"):  # a question: "Was an admission avoided?"
        return f"{label} Someone else changed the answer to {now} while you were editing"
    return f"{label} is now {now}: someone else changed it while you were editing"


def _shown(record, model_field, form_field) -> str:
    value = getattr(record, model_field.name)
    if value in (None, ""):
        return "blank"
    if isinstance(model_field, models.FileField):
        return "a different file"
    if model_field.is_relation:
        # Named as the form's own choices name it, so nobody learns of a record they cannot reach.
        choice = form_field.queryset.filter(pk=value.pk).first()
        return f"“{form_field.label_from_instance(choice)}”" if choice else "one you cannot choose"
    if model_field.choices:
        return f"“{getattr(record, f'get_{model_field.name}_display')()}”"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        return uk_date(value)
    return f"“{value}”"
