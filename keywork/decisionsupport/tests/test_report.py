"""The lead's report: how often the rating chosen differs from the suggestion, by quarter, with
counts as the audience may see them."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.audience import Audience
from keywork.accounts.models import Role
from keywork.decisionsupport import report
from keywork.decisionsupport.models import RatingAssessment
from keywork.decisionsupport.tests.conftest import answers_of
from keywork.register.choices import Rating

pytestmark = pytest.mark.django_db

STAFF = Audience(may_see_true_counts=True, as_published=False, threshold=7)
PUBLISHED = Audience(may_see_true_counts=False, as_published=False, threshold=7)


@pytest.fixture
def assessed(service, coordinator_user, add_person, domains, assess):
    """This quarter (all suggested green): 2 confirmed, 1 rated higher, and one last quarter rated lower."""
    people = [add_person(service, coordinator_user, rating="amber") for _ in range(4)]
    assess(people[0], answers_of(domains), Rating.GREEN)
    assess(people[1], answers_of(domains), Rating.GREEN)
    assess(people[2], answers_of(domains), Rating.RED, reason="Police called twice this week")
    # Red suggested (27 of 54), amber chosen: moved into the last quarter.
    high = answers_of(domains, level_0="high", level_1="high", level_2="high")
    lower = assess(people[3], high, Rating.AMBER, reason="New package starts Monday")
    RatingAssessment.objects.filter(pk=lower.pk).update(assessed_on=datetime.date(2026, 9, 1))
    return people


def test_each_quarter_counts_the_same_the_higher_and_the_lower(assessed):
    rows = report.by_quarter(RatingAssessment.objects.all(), STAFF)
    assert [(r.quarter, r.assessments, r.same, r.higher, r.lower, r.percent_differing) for r in rows] == [
        ("2026/27 Q3", 3, 2, 1, 0, 33),
        ("2026/27 Q2", 1, 0, 0, 1, 100),
    ]


def test_counts_as_published_hide_small_numbers_and_the_percentage_with_them(assessed):
    rows = report.by_quarter(RatingAssessment.objects.all(), PUBLISHED)
    assert rows[0].same == "*" and rows[0].percent_differing == "*"


def test_someone_in_hospital_is_counted_apart_from_the_suggestions(person, domains, assess, admit):
    admit(person, datetime.date(2026, 11, 1))
    assess(person, answers_of(domains), Rating.BLUE)
    (row,) = report.by_quarter(RatingAssessment.objects.all(), STAFF)
    assert (row.assessments, row.no_suggestion, row.percent_differing) == (1, 1, None)


def test_the_lead_sees_the_true_counts_and_a_keyworker_is_refused(assessed, as_role):
    lead = as_role(Role.LEAD)
    page = lead.http.get(reverse("decisionsupport:report")).content.decode()
    assert "2026/27 Q3" in page and "33%" in page and "See them as they will be published" in page
    published = lead.http.get(reverse("decisionsupport:report") + "?counts=published").content.decode()
    assert "33%" not in published
    assert as_role(Role.KEYWORKER).http.get(reverse("decisionsupport:report")).status_code == 403
