"""A recent placement breakdown offered as a risk factor when the person is rated: the rating form
ticks 'Risk of breakdown of placement or care package' and says why, and the practitioner decides."""

from django.urls import reverse

from keywork.placements.models import PlacementBreakdown
from keywork.placements.person_page import risk_prompts
from keywork.presenters import uk_long_date
from keywork.register.choices import RiskFactor
from keywork.register.models import RatingChange
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.pages import date_parts


def broke_down(person, days: int) -> PlacementBreakdown:
    return PlacementBreakdown.objects.create(person=person, occurred_on=days_ago(days), what_happened="Carer left")


def test_the_latest_breakdown_in_the_last_6_months_is_the_prompt(service, manager, add_person):
    person = add_person(service, manager.user)
    broke_down(person, 100)
    latest = broke_down(person, 20)
    [prompt] = risk_prompts(person, TODAY)
    assert prompt.factor == RiskFactor.PLACEMENT_BREAKDOWN
    assert prompt.text == f"Their placement broke down on {uk_long_date(latest.occurred_on)}"


def test_a_breakdown_older_than_6_months_is_no_prompt(service, manager, add_person):
    person = add_person(service, manager.user)
    broke_down(person, 200)
    assert risk_prompts(person, TODAY) == []


def test_the_rating_form_ticks_the_factor_and_says_why(service, manager, add_person):
    person = add_person(service, manager.user)
    breakdown = broke_down(person, 10)
    page = manager.http.get(reverse("register:rating", args=[person.pk])).content.decode()
    assert f"Their placement broke down on {uk_long_date(breakdown.occurred_on)}" in page
    assert 'value="placement_breakdown" checked' in page


def test_without_a_recent_breakdown_the_rating_form_ticks_nothing(service, manager, add_person):
    person = add_person(service, manager.user)
    page = manager.http.get(reverse("register:rating", args=[person.pk])).content.decode()
    assert "broke down" not in page and 'value="placement_breakdown" checked' not in page


def test_the_practitioner_may_untick_the_prompted_factor(service, manager, add_person):
    person = add_person(service, manager.user)
    broke_down(person, 10)
    form = {"rating": "amber", "reason": "Settled in the new home"} | date_parts("effective_on", TODAY)
    assert manager.http.post(reverse("register:rating", args=[person.pk]), form).status_code == 302
    assert RatingChange.objects.filter(person=person).latest("id").risk_factors == []
