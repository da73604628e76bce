import pytest

from keywork.accounts.models import Role
from keywork.decisionsupport.models import RatingAssessment
from keywork.decisionsupport.synthetic import seed_decision_support
from keywork.testing.factories import create_user

pytestmark = pytest.mark.django_db


def test_the_demo_rates_people_with_the_tool_some_differing_and_runs_again_harmlessly(service, add_person):
    coordinator = create_user(service, Role.COORDINATOR)
    for rating in ["red", "amber", "green"] * 4:
        add_person(service, coordinator, rating=rating)

    seed_decision_support(service, {"coordinator": coordinator})
    made = list(RatingAssessment.objects.all())
    seed_decision_support(service, {"coordinator": coordinator})

    assert len(made) >= 12 and RatingAssessment.objects.count() == len(made)
    assert any(assessment.differs for assessment in made) and all(a.rating_change.source_url for a in made)
