from keywork.accounts.models import Role, WorkerType
from keywork.signposting.models import Signposting
from keywork.signposting.synthetic import seed_signposting
from keywork.testing.factories import allocate, create_user


def test_the_demo_signposting_keeps_every_rule_and_is_not_added_twice(service, coordinator_user, add_person):
    users = {
        "peer": create_user(service, Role.KEYWORKER, worker_type=WorkerType.PEER_ASSOCIATE),
        "keyworker": create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT),
    }
    for _ in range(20):
        allocate(add_person(service, coordinator_user), users["keyworker"])

    seed_signposting(service, users)
    count = Signposting.objects.count()
    seed_signposting(service, users)

    assert count >= 15 and Signposting.objects.count() == count
    for signposting in Signposting.objects.all():
        signposting.full_clean()
    assert {s.recorded_as for s in Signposting.objects.all()} == {"Peer Associate", "Practice Consultant"}
