import pytest

from keywork.testing.factories import accept_referral  # noqa: F401 - imported from here by the subject access tests


@pytest.fixture
def person(service, manager, add_person):
    return add_person(service, manager.user, rating="red")
