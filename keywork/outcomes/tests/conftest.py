import pytest

from keywork.accounts.models import Role
from keywork.outcomes.models import CaseStudy
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import (
    accept_referral,  # noqa: F401 - imported from here by the subject access tests
    allocate,
    create_user,
)
from keywork.testing.pages import logged_in


@pytest.fixture
def person(service, manager, add_person):
    return add_person(service, manager.user, rating="red")


@pytest.fixture
def story_about_anothers_person(service, person, manager):
    """A case study about a person allocated to a keyworker, and a Peer Associate who cannot reach them."""
    allocate(person, create_user(service, Role.KEYWORKER, username="robin"), days_ago(30), by=manager.user)
    study = CaseStudy.objects.create(
        service=service, title="Back to school", narrative="A young person went back to school.", person=person,
        quarter_start=TODAY.replace(month=4, day=1),
    )  # fmt: skip
    peer = logged_in(create_user(service, Role.KEYWORKER, username="sky", worker_type="peer_associate"))
    return study, peer
