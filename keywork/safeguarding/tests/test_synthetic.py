import random

from keywork.accounts.models import Role, WorkerType
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.safeguarding.synthetic import seed_safeguarding
from keywork.testing.factories import allocate, create_user


def test_the_demo_records_keep_every_rule_and_are_not_added_twice(service, coordinator_user, add_person):
    users = {
        "coordinator": coordinator_user,
        "manager": create_user(service, Role.MANAGER),
        "keyworker": create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT),
    }
    people = [add_person(service, coordinator_user) for _ in range(30)]
    for person in random.Random(1).sample(people, 12):
        allocate(person, users["keyworker"])

    seed_safeguarding(service, users)
    statuses, concerns = SafeguardingStatus.objects.count(), SafeguardingConcern.objects.count()
    seed_safeguarding(service, users)

    assert statuses and concerns
    assert (SafeguardingStatus.objects.count(), SafeguardingConcern.objects.count()) == (statuses, concerns)
    for record in [*SafeguardingStatus.objects.all(), *SafeguardingConcern.objects.all()]:
        record.full_clean()
