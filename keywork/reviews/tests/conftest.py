import pytest

from keywork.reviews.models import Review
from keywork.testing.api import created

from .test_api import add_person_with, review_body


@pytest.fixture
def person(service, coordinator_user, add_person):
    """Amber, with an EHCP: a review of them is a C(E)TR."""
    return add_person_with(add_person, service, coordinator_user, ehcp="yes")


@pytest.fixture
def review(api, person) -> Review:
    """Requested 30 days ago and held 20 days ago."""
    return Review.objects.get(pk=created(api.post("/api/reviews", review_body(person)))["id"])
