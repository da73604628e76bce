from django import forms
from django.core.exceptions import ValidationError

from keywork.pages import _add_errors


class NameForm(forms.Form):
    name = forms.CharField()


def test_a_model_rule_about_a_field_the_form_lacks_shows_at_the_top_of_the_form():
    form = NameForm({"name": "A"})
    form.is_valid()
    refusal = "A parent can ask only for a child under 16"
    _add_errors(form, ValidationError({"name": "Too short", "relationship": refusal}))
    assert form.errors["name"] == ["Too short"]
    assert form.non_field_errors() == [refusal]


def test_a_rule_with_no_field_shows_at_the_top():
    form = NameForm({"name": "A"})
    form.is_valid()
    _add_errors(form, ValidationError("Someone else changed this record"))
    assert form.non_field_errors() == ["Someone else changed this record"]
