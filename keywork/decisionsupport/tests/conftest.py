import pytest

from keywork import audit
from keywork.decisionsupport import operations
from keywork.decisionsupport.choices import Level


@pytest.fixture
def person(service, coordinator_user, add_person):
    """In the community, rated amber."""
    return add_person(service, coordinator_user, rating="amber")


@pytest.fixture
def domains(service):
    """The service's default domains (given to every new service), in the order the tool asks them."""
    return list(service.rating_domains.all())


def answers_of(domains, level=Level.NONE, evidence="", **by_name) -> list[operations.Answer]:
    """Every domain answered `level`, except those named by position: answers_of(d, high_0="high")."""
    answers = []
    for index, domain in enumerate(domains):
        chosen = by_name.get(f"level_{index}", level)
        answers.append(operations.Answer(domain, chosen, evidence or ("" if chosen == Level.NONE else "Seen at home")))
    return answers


def form_data(domains, level="none", evidence="") -> dict:
    data = {}
    for domain in domains:
        data[f"level_{domain.pk}"] = level
        data[f"evidence_{domain.pk}"] = evidence
    return data


@pytest.fixture
def assess(service, coordinator_user):
    """assess(person, answers, chosen, reason="") → an assessment the coordinator recorded."""

    def make(person, answers, chosen, reason=""):
        actor = audit.Actor(coordinator_user, service)
        return operations.record_assessment(actor, person, answers, chosen, reason)

    return make
