"""The template filters for GOV.UK content style, as pages use them."""

import datetime

import pytest
from django.template import engines


def render(source: str, **context) -> str:
    return engines["jinja2"].from_string(source).render(context)


@pytest.mark.parametrize(
    ("source", "context", "shown"),
    [
        ('{{ n | plural("day") }}', {"n": 1}, "1 day"),
        ('{{ n | plural("day") }}', {"n": 12}, "12 days"),
        ('{{ n | plural("closed risk") }}', {"n": 1}, "1 closed risk"),
        ('{{ n | plural("entry", "entries") }}', {"n": 1250}, "1,250 entries"),
        ("{{ n | number }}", {"n": 12.0}, "12"),
        ("{{ n | percent }}", {"n": 82.0}, "82%"),
        ('{{ n | measure("days") }}', {"n": 1}, "1 day"),
        ("{{ n | days_ago }}", {"n": 0}, "today"),
        ("{{ pence | pounds }}", {"pence": -15_926_305}, "\u2212£159,263.05"),
        ("{{ day | uk_long_date }}", {"day": datetime.date(2026, 10, 5)}, "5 October 2026"),
        ("{{ day | uk_date }}", {"day": datetime.date(2026, 10, 5)}, "5 Oct 2026"),
    ],
)
def test_a_filter_writes_figures_and_dates_as_people_read_them(source, context, shown):
    assert render(source, **context) == shown
