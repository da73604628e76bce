"""Form fields that render themselves as NHS.UK design system components.

After NHS England's breast screening service (nhsuk_forms): each field names a Jinja template
that calls the nhsuk macro, so a page writes only `{{ form.x.as_field_group() }}`.
"""

import datetime

from django import forms
from django.forms.boundfield import BoundField

from keywork.forms import messages
from keywork.presenters import in_sentence


class NhsBoundField(BoundField):
    @property
    def error_text(self) -> str | None:
        return self.errors[0] if self.errors else None

    @property
    def error_anchor(self) -> str:
        """Where the error summary links to: the first input of the field."""
        return self.auto_id + self.field.anchor_suffix

    @property
    def hint(self) -> str:
        return getattr(self.field, "hint", "")

    def choice_items(self) -> list[dict]:
        selected = self.value()
        selected = {str(v) for v in selected} if isinstance(selected, (list, tuple)) else {str(selected)}
        items = []
        for value, text in self.field.choices:
            if value == "" and isinstance(self.field, RadioField):
                continue
            chosen = str(value) in selected
            item = {"value": str(value), "text": str(text), "checked": chosen, "selected": chosen}
            if hint := self.field.item_hints.get(str(value)):
                item["hint"] = {"text": hint}
            items.append(item)
        return items


class NhsFieldMixin:
    bound_field_class = NhsBoundField
    anchor_suffix = ""
    item_hints: dict[str, str] = {}  # a choice's value -> a hint under that option (checkboxes, radios)

    required_verb = "Enter"

    def __init__(self, *args, label: str, hint: str = "", error_name: str = "", **kwargs):
        """`error_name` names the field in its error messages where its label cannot (see messages);
        `error_messages` overrides any of them where a field needs its own words."""
        self.hint = hint
        self.naming = messages.Name.of(label, error_name)
        overrides = kwargs.pop("error_messages", {})
        # Django's Field.__init__ sets template_name on the instance, so it is passed, not inherited.
        kwargs.setdefault("template_name", self.nhs_template)
        super().__init__(*args, label=label, **kwargs)
        # After Django's own set-up, so the limits (max_length, decimal places) are known.
        self.error_messages |= messages.for_field(self, self.naming, self.required_verb) | overrides

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # Users should see a clear error, not be silently cut off at the limit.
        attrs.pop("maxlength", None)
        return attrs


class CharField(NhsFieldMixin, forms.CharField):
    nhs_template = "forms/input.jinja"

    def __init__(self, *args, width: int | None = None, **kwargs):
        self.width = width
        super().__init__(*args, **kwargs)


class TextareaField(NhsFieldMixin, forms.CharField):
    nhs_template = "forms/textarea.jinja"
    widget = forms.Textarea


class IntegerField(NhsFieldMixin, forms.IntegerField):
    nhs_template = "forms/input.jinja"
    width = 4


class ChoiceField(NhsFieldMixin, forms.ChoiceField):
    """A drop-down select."""

    nhs_template = "forms/select.jinja"
    required_verb = "Choose"


class RadioField(NhsFieldMixin, forms.ChoiceField):
    choices_shown_as = "the options shown"
    nhs_template = "forms/radios.jinja"
    required_verb = "Choose"


class CheckboxesField(NhsFieldMixin, forms.MultipleChoiceField):
    choices_shown_as = "the options shown"
    nhs_template = "forms/checkboxes.jinja"
    required_verb = "Choose"


class BooleanField(NhsFieldMixin, forms.BooleanField):
    nhs_template = "forms/checkbox.jinja"


class DateWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()], attrs)

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(NhsFieldMixin, forms.MultiValueField):
    """The NHS date input: day, month and year boxes, with errors in plain words."""

    nhs_template = "forms/date.jinja"
    widget = DateWidget
    anchor_suffix = "_0"

    def __init__(self, *args, **kwargs):
        # The parts are optional one by one, so a part-filled date reaches compress(), whose
        # messages say which part is missing.
        parts = tuple(forms.CharField(required=False) for _ in range(3))
        super().__init__(parts, *args, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        parts = dict(zip(("day", "month", "year"), (str(part or "").strip() for part in data_list), strict=True))
        subject = self.naming.subject
        missing = [part for part, text in parts.items() if not text]
        if missing:
            raise forms.ValidationError(f"{subject} must include a {_and(missing)}", code="incomplete")
        if not all(text.isdigit() for text in parts.values()):
            raise forms.ValidationError(f"{subject} must be a real date, in numbers, like 27 3 2012", code="invalid")
        if len(parts["year"]) != 4:
            raise forms.ValidationError(f"The year of the {in_sentence(subject)} must include 4 numbers", code="year")
        try:
            return datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"]))
        # A day or month of twenty digits overflows the C integer before it can be out of range.
        except (ValueError, OverflowError) as error:
            raise forms.ValidationError(f"{subject} must be a real date", code="invalid") from error

    def date_parts(self, bound_field) -> list[str]:
        value = bound_field.value()
        if isinstance(value, datetime.date):
            value = self.widget.decompress(value)
        value = list(value or [])
        return [str(part) if part not in (None, "") else "" for part in value] + [""] * (3 - len(value))


def _and(words: list[str]) -> str:
    """
    >>> _and(["day"]), _and(["day", "month"]), _and(["day", "month", "year"])
    ('day', 'day and month', 'day, month and year')
    """
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


class TimeField(NhsFieldMixin, forms.TimeField):
    nhs_template = "forms/input.jinja"
    width = 5

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("hint", "Use the 24-hour clock, for example 14:30")
        super().__init__(*args, **kwargs)


class ModelChoiceField(NhsFieldMixin, forms.ModelChoiceField):
    nhs_template = "forms/select.jinja"
    required_verb = "Choose"


class ModelCheckboxesField(NhsFieldMixin, forms.ModelMultipleChoiceField):
    choices_shown_as = "the options shown"
    nhs_template = "forms/checkboxes.jinja"
    required_verb = "Choose"


class FileField(NhsFieldMixin, forms.FileField):
    nhs_template = "forms/file.jinja"
    required_verb = "Choose"


class DecimalField(NhsFieldMixin, forms.DecimalField):
    nhs_template = "forms/input.jinja"
    width = 5


class HiddenFieldMixin:
    """A value the page carries (a record's version, which button was pressed), not one a person
    types: whatever is wrong with it, the page was out of date."""

    widget = forms.HiddenInput

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages = messages.stale_page_messages(self)


class HiddenIntegerField(HiddenFieldMixin, forms.IntegerField):
    pass


class HiddenCharField(HiddenFieldMixin, forms.CharField):
    pass


class HiddenChoiceField(HiddenFieldMixin, forms.ChoiceField):
    pass
