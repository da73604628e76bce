import pytest

from keywork.accounts.models import Role
from keywork.coproduction.models import Engagement
from keywork.programme.models import Milestone, Risk
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user


@pytest.fixture
def engagement_in(db):
    """engagement_in(service, **fields) → a saved forum meeting recorded by the service's lead."""

    def make(service, **fields):
        values = {
            "kind": "parent_carer_forum",
            "title": "Parent Carer Forum",
            "held_on": days_ago(20),
            "parents_carers": 12,
            "young_people": 3,
            "professionals": 4,
            "what_we_heard": "Families wanted a named contact",
            "recorded_by": create_user(service, Role.LEAD),
        }
        return Engagement.objects.create(service=service, **(values | fields))

    return make


@pytest.fixture
def milestone_in(db):
    return lambda service, title="Transition protocol": Milestone.objects.create(
        service=service, title=title, due_on=days_ago(-30), owner="Lead"
    )


@pytest.fixture
def risk_in(db):
    return lambda service, title="Grant ends early": Risk.objects.create(
        service=service,
        title=title,
        cause="c",
        effect="e",
        owner="o",
        likelihood=3,
        impact=3,
        target_score=4,
        review_due_on=days_ago(-30),
    )
