"""The NHS date input refuses a day, month or year too big for a date in its own words."""

import pytest
from django import forms

from keywork.forms.fields import DateField


@pytest.mark.parametrize("parts", [["100000000000000000000", "1", "2026"], ["1", "100000000000000000000", "2026"]])
def test_a_part_of_twenty_digits_is_not_a_real_date(parts):
    field = DateField(label="Date of admission")
    with pytest.raises(forms.ValidationError) as refused:
        field.clean(parts)
    assert refused.value.messages == ["Date of admission must be a real date"]
