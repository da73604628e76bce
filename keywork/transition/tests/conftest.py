import datetime

import pytest

from keywork.testing.dates import TODAY, days_ago
from keywork.transition import rules


@pytest.fixture
def young_person(service, coordinator_user, add_person):
    """Someone who turned 17 a week ago: a transition plan due, the adult services referral not yet."""
    person = add_person(service, coordinator_user)
    person.date_of_birth = rules.born_by(days_ago(7), (17, 0))
    person.save(update_fields=["date_of_birth"])
    return person


def plan_body(**changes) -> dict:
    """A transition plan as the API takes it."""
    areas = {f"{prefix}_status": "in_progress" for prefix in ("social_care", "health", "housing", "employment")}
    dates = {"agreed_on": days_ago(10).isoformat(), "review_on": (TODAY + datetime.timedelta(days=180)).isoformat()}
    return areas | {"housing_owner": "Housing options team"} | dates | changes
